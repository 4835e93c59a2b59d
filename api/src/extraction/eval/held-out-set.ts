import type { LabelledSentence } from './labelled-set';

/**
 * Sentences written after the rules' cue phrases were settled and never used to tune them:
 * the eval reports them apart, so the figures show how rules do on phrasings they have not
 * seen. When a cue is added for one of these, move the sentence to the labelled set and
 * write a new one here.
 */
export const heldOutSentences: readonly LabelledSentence[] = [
  { lang: 'en', text: 'Our budget got slashed by 30% this year.', signals: ['churn:budget_cut'] },
  { lang: 'en', text: 'Leadership asked us to look at Totango as well.', signals: ['competitor:totango'] },
  { lang: 'en', text: 'I filed a ticket for a typo and it was fixed the same day.', signals: [] },
  { lang: 'en', text: 'We would upgrade if we had SAML.', signals: ['expansion:plan_upgrade'] },
  { lang: 'en', text: 'The learning curve is steep for new reps.', signals: ['churn:adoption_onboarding'] },
  { lang: 'en', text: 'Our head of CS, Daniel, has moved on.', signals: ['stakeholder:change', 'churn:champion_left'] },
  { lang: 'de', text: 'Der Preis passt, wir sind zufrieden.', signals: [] },
  { lang: 'de', text: 'Wir würden gern mit jemandem persönlich sprechen.', signals: ['wants_human'] },
  {
    lang: 'de',
    text: 'Unsere Ansprechpartnerin hat die Firma verlassen.',
    signals: ['stakeholder:change', 'churn:champion_left'],
  },
  { lang: 'de', text: 'Das Training war gut organisiert.', signals: [] },
  { lang: 'fr', text: 'Le budget a été réduit de moitié.', signals: ['churn:budget_cut'] },
  { lang: 'fr', text: "L'outil est un peu lent le lundi.", signals: ['churn:performance_reliability'] },
  { lang: 'fr', text: 'Nous sommes ravis du support.', signals: [] },
  { lang: 'fr', text: 'Il manque une intégration avec Teams.', signals: ['feature_request'] },
  { lang: 'es', text: 'Queremos añadir veinte usuarios más.', signals: ['expansion:seats'] },
  { lang: 'es', text: 'La demo con el equipo fue genial.', signals: [] },
  { lang: 'es', text: 'Estamos evaluando Gainsight.', signals: ['competitor:gainsight'] },
  { lang: 'es', text: 'Falta una integración con Teams.', signals: ['feature_request'] },
  { lang: 'pt', text: 'O orçamento foi cortado pela metade.', signals: ['churn:budget_cut'] },
  { lang: 'pt', text: 'Gostamos muito dos relatórios.', signals: [] },
  { lang: 'pt', text: 'Queremos adicionar vinte usuários.', signals: ['expansion:seats'] },
  { lang: 'ja', text: '担当者が異動になりました。', signals: ['stakeholder:change', 'churn:champion_left'] },
  { lang: 'ja', text: 'レポート機能はとても便利です。', signals: [] },
  { lang: 'ja', text: 'Teamsとの連携がほしいです。', signals: ['feature_request'] },
];

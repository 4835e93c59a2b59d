import type { LabelledSentence } from './labelled-set';

/**
 * Sentences written after the rules' cue phrases were settled and never used to tune them:
 * the eval reports them apart, so the figures show how rules do on phrasings they have not
 * seen. When a cue is added for one of these, move the sentence to the labelled set and
 * write a new one here.
 */
export const heldOutSentences: readonly LabelledSentence[] = [
  { lang: 'en', text: 'Finance told us there is no budget for new tools next year.', signals: ['churn:budget_cut'] },
  { lang: 'en', text: 'We moved our onboarding call to Thursday.', signals: [] },
  { lang: 'en', text: 'Our CTO, Priya, wants to see the security review first.', signals: ['stakeholder'] },
  { lang: 'en', text: 'We started a trial of Vitally last week.', signals: ['competitor:vitally'] },
  { lang: 'en', text: 'Would be nice to have dark mode.', signals: ['feature_request'] },
  { lang: 'en', text: 'The new version is noticeably faster, thank you.', signals: [] },
  { lang: 'en', text: 'We might not renew if the outages continue.', signals: ['churn:performance_reliability'] },
  { lang: 'en', text: 'I set up the Salesforce sync myself in ten minutes.', signals: [] },
  { lang: 'de', text: 'Wir haben kein Budget mehr für neue Software.', signals: ['churn:budget_cut'] },
  { lang: 'de', text: 'Die Integration mit Slack funktioniert super.', signals: [] },
  { lang: 'de', text: 'Unsere Teamleiterin ist in Elternzeit gegangen.', signals: [] },
  {
    lang: 'de',
    text: 'Wir testen gerade Gainsight als Alternative.',
    signals: ['competitor:gainsight', 'churn:switched_competitor'],
  },
  { lang: 'de', text: 'Die Preise sind für kleine Teams zu hoch.', signals: ['churn:price_value'] },
  { lang: 'de', text: 'Der Export dauerte gestern ewig.', signals: ['churn:performance_reliability'] },
  { lang: 'fr', text: "On n'a plus de budget pour ce genre d'outil.", signals: ['churn:budget_cut'] },
  { lang: 'fr', text: "L'équipe support a été très réactive.", signals: [] },
  { lang: 'fr', text: 'Nous testons Gainsight en parallèle.', signals: ['competitor:gainsight'] },
  { lang: 'fr', text: "J'aimerais pouvoir filtrer par région.", signals: ['feature_request'] },
  {
    lang: 'fr',
    text: 'Le tableau de bord met du temps à charger le matin.',
    signals: ['churn:performance_reliability'],
  },
  { lang: 'fr', text: 'Nous avons migré nos données sans problème.', signals: [] },
  { lang: 'es', text: 'No tenemos presupuesto para el próximo año.', signals: ['churn:budget_cut'] },
  { lang: 'es', text: 'El equipo de soporte fue muy amable.', signals: [] },
  { lang: 'es', text: 'Estamos probando Gainsight también.', signals: ['competitor:gainsight'] },
  { lang: 'es', text: 'Me gustaría poder filtrar por región.', signals: ['feature_request'] },
  { lang: 'es', text: 'Es un poco caro para un equipo pequeño.', signals: ['churn:price_value'] },
  { lang: 'es', text: 'La migración de datos fue rápida.', signals: [] },
  { lang: 'pt', text: 'Não temos orçamento para o ano que vem.', signals: ['churn:budget_cut'] },
  { lang: 'pt', text: 'A equipe de suporte foi muito atenciosa.', signals: [] },
  { lang: 'pt', text: 'Estamos testando o Gainsight também.', signals: ['competitor:gainsight'] },
  { lang: 'pt', text: 'Gostaria de poder filtrar por região.', signals: ['feature_request'] },
  { lang: 'pt', text: 'É um pouco caro para uma equipe pequena.', signals: ['churn:price_value'] },
  { lang: 'pt', text: 'A migração dos dados foi rápida.', signals: [] },
  { lang: 'ja', text: '来年は新しいツールの予算がありません。', signals: ['churn:budget_cut'] },
  { lang: 'ja', text: 'サポートの対応はとても丁寧でした。', signals: [] },
  { lang: 'ja', text: 'Gainsightも試しています。', signals: ['competitor:gainsight'] },
  { lang: 'ja', text: '地域で絞り込めるようにしてほしいです。', signals: ['feature_request'] },
  { lang: 'ja', text: 'データ移行はすぐに終わりました。', signals: [] },
  { lang: 'ja', text: '小さいチームには少し高いです。', signals: ['churn:price_value'] },
];

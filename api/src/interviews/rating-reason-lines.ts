import { type RatingBand, type RatingScale, ratingBand } from '@candor/shared';
import { emailLanguage } from '../mail/templates/invitation-copy';

type Lines = Record<RatingBand, string>;

/**
 * The scripted question about the reason behind a score, per language and band: a low score
 * asks what fell short, a middling one what is missing, a high one what works.
 */
const reasonLines: Record<ReturnType<typeof emailLanguage>, Lines> = {
  en: {
    detractor: "Thanks for being honest. What's the main reason for your score?",
    passive: "Thanks! What's the main reason for your score, and what would make it higher?",
    promoter: "That's great to hear! What's the main reason for your score?",
  },
  de: {
    detractor: 'Danke für Ihre Offenheit. Was ist der Hauptgrund für Ihre Bewertung?',
    passive: 'Danke! Was ist der Hauptgrund für Ihre Bewertung, und was würde sie verbessern?',
    promoter: 'Das freut uns sehr! Was ist der Hauptgrund für Ihre Bewertung?',
  },
  fr: {
    detractor: 'Merci pour votre franchise. Quelle est la principale raison de votre note ?',
    passive: 'Merci ! Quelle est la principale raison de votre note, et qu’est-ce qui la ferait monter ?',
    promoter: 'Ravi de l’entendre ! Quelle est la principale raison de votre note ?',
  },
  es: {
    detractor: 'Gracias por su sinceridad. ¿Cuál es el motivo principal de su puntuación?',
    passive: '¡Gracias! ¿Cuál es el motivo principal de su puntuación y qué haría que fuera más alta?',
    promoter: '¡Nos alegra mucho! ¿Cuál es el motivo principal de su puntuación?',
  },
  pt: {
    detractor: 'Obrigado pela sinceridade. Qual é o principal motivo da sua nota?',
    passive: 'Obrigado! Qual é o principal motivo da sua nota e o que a faria subir?',
    promoter: 'Que bom saber! Qual é o principal motivo da sua nota?',
  },
  ja: {
    detractor: '率直なご意見をありがとうございます。この点数をつけた一番の理由は何ですか？',
    passive: 'ありがとうございます。この点数の一番の理由と、点数が上がるために必要なことを教えていただけますか？',
    promoter: 'うれしいお言葉をありがとうございます。この点数をつけた一番の理由は何ですか？',
  },
};

/** The scripted "why" after a score, in the contact's language (from their locale). */
export function ratingReasonLine(scale: RatingScale, score: number, locale: string | null | undefined): string {
  return reasonLines[emailLanguage(locale)][ratingBand(scale, score)];
}

/** The AI interviewer's task after a score: ask for the reason, phrased for where the score sits. */
export function ratingReasonTask(scale: RatingScale, score: number): string {
  const band = ratingBand(scale, score);
  const tone =
    band === 'detractor'
      ? 'It is a low score: thank them for being candid, without defending the product.'
      : band === 'passive'
        ? 'It is a middling score: ask what would make it higher as part of the same question.'
        : 'It is a high score: show you are glad, briefly.';
  return `They just gave a score of ${score} on the ${scale.toUpperCase()} question. ${tone} In one open question, ask why they chose that number; never ask for another score.`;
}

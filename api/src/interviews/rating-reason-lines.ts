import { type InterviewLanguage, type RatingBand, type RatingScale, ratingBand } from '@candor/shared';

type Lines = Record<RatingBand, string>;

/**
 * The scripted question about the reason behind a score, per language and band: a low score
 * asks what fell short, a middling one what is missing, a high one what works.
 */
const reasonLines: Record<InterviewLanguage, Lines> = {
  en: {
    detractor: "Thanks for being honest. What's the main reason for your score?",
    passive: 'Thanks! What would it take for your score to be higher?',
    promoter: "That's great to hear! What's the main reason for your score?",
  },
  de: {
    detractor: 'Danke für Ihre Offenheit. Was ist der Hauptgrund für Ihre Bewertung?',
    passive: 'Danke! Was müsste passieren, damit Ihre Bewertung höher ausfällt?',
    promoter: 'Das freut uns sehr! Was ist der Hauptgrund für Ihre Bewertung?',
  },
  fr: {
    detractor: 'Merci pour votre franchise. Quelle est la principale raison de votre note ?',
    passive: 'Merci ! Qu’est-ce qui vous ferait donner une meilleure note ?',
    promoter: 'Ravi de l’entendre ! Quelle est la principale raison de votre note ?',
  },
  es: {
    detractor: 'Gracias por tu sinceridad. ¿Cuál es el motivo principal de tu puntuación?',
    passive: '¡Gracias! ¿Qué haría falta para que tu puntuación fuera más alta?',
    promoter: '¡Nos alegra mucho! ¿Cuál es el motivo principal de tu puntuación?',
  },
  pt: {
    detractor: 'Obrigado pela sinceridade. Qual é o principal motivo da sua nota?',
    passive: 'Obrigado! O que faria a sua nota ser mais alta?',
    promoter: 'Que bom saber! Qual é o principal motivo da sua nota?',
  },
  ja: {
    detractor: '率直なご意見をありがとうございます。この点数をつけた一番の理由は何ですか？',
    passive: 'ありがとうございます。点数が上がるには、何が必要でしょうか？',
    promoter: 'うれしいお言葉をありがとうございます。この点数をつけた一番の理由は何ですか？',
  },
};

/** The scripted "why" after a score, in the interview's language. */
export function ratingReasonLine(scale: RatingScale, score: number, language: InterviewLanguage): string {
  return reasonLines[language][ratingBand(scale, score)];
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

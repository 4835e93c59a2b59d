import type { InterviewLanguage } from '@candor/shared';

/** The interviewer's own lines for the moments a guide has no text for. */
export type FixedLines = { handoff: string; opt_out: string; confirm_stop: string };

/** Written per language the way a CS team there would say it, not translated word for word. */
export const fixedLines: Record<InterviewLanguage, FixedLines> = {
  en: {
    handoff:
      "Of course. I've let the team know you'd like to talk with a person, and someone will reach out to you soon. Thank you for your time.",
    opt_out: "No problem, we'll stop here and won't ask you about this again. Thank you for your time.",
    confirm_stop: "Would you like to stop here? Just say yes and we won't ask you about this again.",
  },
  de: {
    handoff:
      'Selbstverständlich. Ich habe dem Team Bescheid gegeben, dass Sie mit jemandem sprechen möchten – man meldet sich bald bei Ihnen. Vielen Dank für Ihre Zeit.',
    opt_out: 'Kein Problem, wir hören hier auf und fragen Sie dazu nicht noch einmal. Vielen Dank für Ihre Zeit.',
    confirm_stop: 'Möchten Sie hier aufhören? Sagen Sie einfach Ja, dann fragen wir Sie dazu nicht noch einmal.',
  },
  fr: {
    handoff:
      'Bien sûr. J’ai prévenu l’équipe que vous souhaitez parler à quelqu’un : on vous contactera très vite. Merci pour votre temps.',
    opt_out: 'Pas de souci, nous nous arrêtons là et ne vous reposerons pas la question. Merci pour votre temps.',
    confirm_stop: 'Voulez-vous arrêter ici ? Répondez simplement oui et nous ne vous reposerons pas la question.',
  },
  es: {
    handoff:
      'Por supuesto. Ya he avisado al equipo de que quieres hablar con una persona; alguien se pondrá en contacto contigo pronto. Gracias por tu tiempo.',
    opt_out: 'Sin problema, lo dejamos aquí y no volveremos a preguntarte sobre esto. Gracias por tu tiempo.',
    confirm_stop: '¿Prefieres dejarlo aquí? Responde que sí y no volveremos a preguntarte sobre esto.',
  },
  pt: {
    handoff:
      'Claro. Já avisei o time que você quer falar com uma pessoa, e alguém vai entrar em contato em breve. Obrigado pelo seu tempo.',
    opt_out: 'Sem problema, paramos por aqui e não vamos perguntar sobre isso de novo. Obrigado pelo seu tempo.',
    confirm_stop: 'Você quer parar por aqui? É só responder sim e não vamos perguntar sobre isso de novo.',
  },
  ja: {
    handoff:
      '承知しました。担当者とのお話をご希望であることをチームに伝えましたので、近日中にご連絡いたします。お時間をいただき、ありがとうございました。',
    opt_out:
      '承知しました。ここで終了し、この件について今後お伺いすることはありません。お時間をいただき、ありがとうございました。',
    confirm_stop:
      'ここで終了してもよろしいですか？「はい」とお答えいただければ、この件について今後お伺いすることはありません。',
  },
};

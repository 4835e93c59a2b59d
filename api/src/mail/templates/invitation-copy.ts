import type { InterviewLanguage, Moment } from '@candor/shared';

/** The languages the invitation and reminder are written in: the six interview languages. */
export type EmailLanguage = InterviewLanguage;

type Copy = {
  moments: Record<Moment, { subject: string; why: string }>;
  hi: string;
  hiName: string;
  reminderSubject: string;
  reminderLead: string;
  time: string;
  button: string;
  thanks: string;
  unsubscribeLead: string;
  unsubscribe: string;
  unsubscribeTail: string;
};

/** Invitation copy per language, written the way a CS team in that market writes to a customer. */
export const invitationCopy: Record<EmailLanguage, Copy> = {
  en: {
    moments: {
      onboarding: {
        subject: 'How is getting started with {product} going?',
        why: 'You are a few weeks in. We would love to hear what you set out to do and whether we are helping.',
      },
      health_pulse: {
        subject: 'Two minutes on how {product} is working for you?',
        why: 'A short check-in on what is working, what is in the way, and what would make us indispensable.',
      },
      churn_risk: {
        subject: 'Is something getting in the way with {product}?',
        why: 'We noticed things changed recently and want to understand what would help, in your words.',
      },
      pre_renewal: {
        subject: 'Before your renewal: how has {product} been for your team?',
        why: 'Your renewal is coming up. Tell us what value you have seen and where we fall short.',
      },
      expansion: {
        subject: 'Could {product} help more of your team?',
        why: 'We would like to learn about new teams or use cases where we could be useful.',
      },
      feature_launch: {
        subject: 'What did you think of what we just shipped in {product}?',
        why: 'You tried something new recently. Your first impressions shape what we build next.',
      },
    },
    hi: 'Hi,',
    hiName: 'Hi {name},',
    reminderSubject: 'Reminder: {subject}',
    reminderLead: 'A gentle reminder: ',
    time: 'It takes about 2 minutes, one question at a time, and you can stop whenever you like.',
    button: 'Share your thoughts',
    thanks: 'Thank you — the {product} team',
    unsubscribeLead: "Don't want these? ",
    unsubscribe: 'Unsubscribe',
    unsubscribeTail: " and we won't ask again.",
  },
  de: {
    moments: {
      onboarding: {
        subject: 'Wie läuft der Start mit {product}?',
        why: 'Sie sind jetzt seit ein paar Wochen dabei. Uns interessiert, was Sie sich vorgenommen haben und ob wir Ihnen dabei helfen.',
      },
      health_pulse: {
        subject: 'Zwei Minuten: Wie gut funktioniert {product} für Sie?',
        why: 'Eine kurze Rückmeldung dazu, was gut läuft, was Sie ausbremst und was uns für Sie unverzichtbar machen würde.',
      },
      churn_risk: {
        subject: 'Steht Ihnen bei {product} gerade etwas im Weg?',
        why: 'Uns ist aufgefallen, dass sich zuletzt etwas verändert hat. Wir möchten in Ihren Worten verstehen, was Ihnen helfen würde.',
      },
      pre_renewal: {
        subject: 'Vor Ihrer Verlängerung: Wie war {product} für Ihr Team?',
        why: 'Ihre Vertragsverlängerung steht an. Sagen Sie uns, welchen Nutzen Sie gesehen haben und wo wir besser werden müssen.',
      },
      expansion: {
        subject: 'Könnte {product} noch mehr Teams bei Ihnen unterstützen?',
        why: 'Wir möchten mehr über neue Teams oder Einsatzbereiche erfahren, in denen wir Ihnen nützlich sein könnten.',
      },
      feature_launch: {
        subject: 'Wie gefällt Ihnen die Neuerung in {product}?',
        why: 'Sie haben vor Kurzem etwas Neues ausprobiert. Ihr erster Eindruck bestimmt mit, was wir als Nächstes entwickeln.',
      },
    },
    hi: 'Guten Tag,',
    hiName: 'Hallo {name},',
    reminderSubject: 'Erinnerung: {subject}',
    reminderLead: 'Eine kurze Erinnerung: ',
    time: 'Es dauert etwa 2 Minuten, eine Frage nach der anderen, und Sie können jederzeit aufhören.',
    button: 'Meinung teilen',
    thanks: 'Vielen Dank – Ihr {product}-Team',
    unsubscribeLead: 'Keine solchen E-Mails mehr? ',
    unsubscribe: 'Abmelden',
    unsubscribeTail: ', und wir fragen nicht mehr.',
  },
  fr: {
    moments: {
      onboarding: {
        subject: 'Comment se passent vos débuts avec {product} ?',
        why: 'Vous utilisez {product} depuis quelques semaines. Nous aimerions savoir ce que vous cherchiez à accomplir et si nous vous y aidons.',
      },
      health_pulse: {
        subject: 'Deux minutes pour nous dire comment {product} vous sert ?',
        why: 'Un court point sur ce qui fonctionne, ce qui vous freine et ce qui nous rendrait indispensables.',
      },
      churn_risk: {
        subject: 'Quelque chose vous gêne-t-il avec {product} ?',
        why: 'Nous avons remarqué que les choses ont changé récemment et voulons comprendre, avec vos mots, ce qui vous aiderait.',
      },
      pre_renewal: {
        subject: 'Avant votre renouvellement : quel bilan de {product} pour votre équipe ?',
        why: 'Votre renouvellement approche. Dites-nous ce que {product} vous a apporté et où nous devons progresser.',
      },
      expansion: {
        subject: '{product} pourrait-il aider d’autres équipes chez vous ?',
        why: 'Nous aimerions connaître les équipes ou les usages pour lesquels nous pourrions vous être utiles.',
      },
      feature_launch: {
        subject: 'Qu’avez-vous pensé de la nouveauté de {product} ?',
        why: 'Vous avez essayé quelque chose de nouveau récemment. Vos premières impressions orientent ce que nous construisons ensuite.',
      },
    },
    hi: 'Bonjour,',
    hiName: 'Bonjour {name},',
    reminderSubject: 'Rappel : {subject}',
    reminderLead: 'Petit rappel : ',
    time: 'Cela prend environ 2 minutes, une question à la fois, et vous pouvez vous arrêter quand vous le souhaitez.',
    button: 'Donner mon avis',
    thanks: 'Merci — l’équipe {product}',
    unsubscribeLead: 'Vous ne souhaitez plus recevoir ces messages ? ',
    unsubscribe: 'Se désabonner',
    unsubscribeTail: ' et nous ne vous solliciterons plus.',
  },
  es: {
    moments: {
      onboarding: {
        subject: '¿Qué tal tus primeros pasos con {product}?',
        why: 'Llevas unas semanas con nosotros. Nos encantaría saber qué querías conseguir y si te estamos ayudando.',
      },
      health_pulse: {
        subject: '¿Dos minutos para contarnos cómo te funciona {product}?',
        why: 'Una breve consulta sobre lo que funciona, lo que te frena y lo que nos haría imprescindibles.',
      },
      churn_risk: {
        subject: '¿Hay algo que te esté complicando las cosas con {product}?',
        why: 'Hemos notado cambios recientes y queremos entender, con tus palabras, qué te ayudaría.',
      },
      pre_renewal: {
        subject: 'Antes de tu renovación: ¿cómo le ha ido a tu equipo con {product}?',
        why: 'Se acerca tu renovación. Cuéntanos qué valor has obtenido y en qué nos quedamos cortos.',
      },
      expansion: {
        subject: '¿Podría {product} ayudar a más personas de tu equipo?',
        why: 'Queremos conocer nuevos equipos o casos de uso en los que podamos serte útiles.',
      },
      feature_launch: {
        subject: '¿Qué te ha parecido la novedad de {product}?',
        why: 'Hace poco probaste algo nuevo. Tus primeras impresiones orientan lo que construiremos a continuación.',
      },
    },
    hi: 'Hola:',
    hiName: 'Hola, {name}:',
    reminderSubject: 'Recordatorio: {subject}',
    reminderLead: 'Un pequeño recordatorio: ',
    time: 'Son unos 2 minutos, una pregunta cada vez, y puedes parar cuando quieras.',
    button: 'Dar mi opinión',
    thanks: 'Gracias. El equipo de {product}',
    unsubscribeLead: '¿No quieres recibir estos mensajes? ',
    unsubscribe: 'Darse de baja',
    unsubscribeTail: ' y no volveremos a preguntarte.',
  },
  pt: {
    moments: {
      onboarding: {
        subject: 'Como está sendo o começo com o {product}?',
        why: 'Você começou há algumas semanas. Queremos saber o que você pretendia alcançar e se estamos ajudando.',
      },
      health_pulse: {
        subject: 'Dois minutos para contar como o {product} está funcionando para você?',
        why: 'Uma conversa rápida sobre o que funciona, o que atrapalha e o que nos tornaria indispensáveis.',
      },
      churn_risk: {
        subject: 'Algo está atrapalhando você no {product}?',
        why: 'Percebemos que algo mudou recentemente e queremos entender, com as suas palavras, o que ajudaria.',
      },
      pre_renewal: {
        subject: 'Antes da renovação: como foi o {product} para a sua equipe?',
        why: 'Sua renovação está chegando. Conte que valor você percebeu e onde ainda deixamos a desejar.',
      },
      expansion: {
        subject: 'O {product} poderia ajudar mais pessoas da sua equipe?',
        why: 'Queremos conhecer novas equipes ou casos de uso em que possamos ser úteis.',
      },
      feature_launch: {
        subject: 'O que você achou da novidade no {product}?',
        why: 'Você experimentou algo novo recentemente. Suas primeiras impressões orientam o que vamos construir a seguir.',
      },
    },
    hi: 'Olá,',
    hiName: 'Olá, {name},',
    reminderSubject: 'Lembrete: {subject}',
    reminderLead: 'Só um lembrete: ',
    time: 'Leva cerca de 2 minutos, uma pergunta de cada vez, e você pode parar quando quiser.',
    button: 'Dar minha opinião',
    thanks: 'Obrigado — equipe {product}',
    unsubscribeLead: 'Não quer receber estes e-mails? ',
    unsubscribe: 'Cancelar inscrição',
    unsubscribeTail: ' e não perguntaremos de novo.',
  },
  ja: {
    moments: {
      onboarding: {
        subject: '{product}の使い始めはいかがですか？',
        why: 'ご利用開始から数週間が経ちました。実現したかったことと、私たちがそのお役に立てているかをお聞かせください。',
      },
      health_pulse: {
        subject: '{product}の使い心地について、2分ほどお聞かせいただけますか？',
        why: 'うまくいっている点、妨げになっている点、そして私たちが欠かせない存在になるために必要なことを簡単にお伺いします。',
      },
      churn_risk: {
        subject: '{product}のご利用で、何かお困りのことはありませんか？',
        why: '最近ご利用状況に変化があったようです。どうすればお役に立てるか、お客様の言葉でお聞かせください。',
      },
      pre_renewal: {
        subject: 'ご契約更新の前に：{product}はチームのお役に立てましたか？',
        why: 'まもなくご契約の更新時期です。感じていただいた価値と、至らなかった点をお聞かせください。',
      },
      expansion: {
        subject: '{product}を他のチームでもお役立ていただけそうですか？',
        why: '新しいチームや用途で私たちがお役に立てることがないか、お伺いしたいと考えています。',
      },
      feature_launch: {
        subject: '{product}の新機能はいかがでしたか？',
        why: '最近、新しい機能をお試しいただきました。第一印象が今後の開発の方向を決める参考になります。',
      },
    },
    hi: 'こんにちは。',
    hiName: '{name}様',
    reminderSubject: '【リマインダー】{subject}',
    reminderLead: '念のためのご案内です。',
    time: '所要時間は約2分、質問は1つずつで、いつでも中断できます。',
    button: 'ご意見を送る',
    thanks: '{product}チーム一同',
    unsubscribeLead: '今後このようなメールが不要な場合は、',
    unsubscribe: '配信停止',
    unsubscribeTail: 'してください。以後お送りしません。',
  },
};

import type { TemplateTranslation } from './template-text';

/** Spanish: "tú", cercano y claro, as the invitation emails address the customer. */
export const es: TemplateTranslation = {
  onboarding: {
    opening_message:
      '¡Hola, {name}! Te damos la bienvenida. Nos gustaría entender qué esperas conseguir, para que tu onboarding se adapte a tu forma real de trabajar. Son unos tres minutos y puedes parar cuando quieras.',
    topics: {
      goals: {
        question:
          '¿Qué llevó a tu equipo a empezar con nosotros ahora? ¿Qué te gustaría que fuera distinto dentro de tres meses?',
        follow_up: '¿Cómo sería, en concreto, un buen resultado para ti?',
      },
      use_cases: {
        question: '¿Para qué proceso o tarea piensas usarlo primero?',
        follow_up: '¿Cómo haces hoy esa tarea, sin nosotros?',
      },
      stack: {
        question: '¿Con qué otras herramientas tiene que funcionar en tu entorno?',
        follow_up: '¿Hay alguna integración que sea imprescindible para ti?',
      },
      success_criteria: {
        question: 'Dentro de unos meses, ¿cómo sabrás que ha merecido la pena?',
        follow_up: '¿Hay alguna cifra o algún momento que pondrías como prueba?',
      },
      stakeholders: {
        question: '¿Quién más participará, desde quienes lo usarán a diario hasta quien decide si se queda?',
        follow_up: '¿Hay alguien más cuya opinión vaya a contar?',
      },
    },
    closing_message:
      'Gracias, nos ayuda mucho. Tu CSM lo usará para preparar tu onboarding, así no tendrás que responder lo mismo dos veces. ¡Que tengas un gran comienzo!',
  },
  health_pulse: {
    opening_message:
      '¡Hola, {name}! Estamos hablando con algunos equipos para saber cómo les va de verdad, lo bueno y lo que molesta. Solo unas preguntas rápidas, unos dos minutos.',
    topics: {
      value: {
        question: '¿Qué ha sido lo más útil del producto para ti últimamente?',
        follow_up: '¿Recuerdas algún momento reciente en el que te ayudara de verdad?',
      },
      friction: {
        question: '¿Qué es lo que más te frustra al usarlo ahora mismo?',
        follow_up: '¿Qué pasa cuando te encuentras con eso? ¿Cómo lo resuelves?',
      },
      indispensable: {
        question: '¿Qué haría que tu equipo no pudiera trabajar sin él?',
        follow_up: 'Si pudieras cambiar una sola cosa, ¿cuál sería?',
      },
      adoption: {
        question: '¿Hasta qué punto se usa hoy en tu equipo?',
        follow_up: '¿Hay personas o equipos que podrían usarlo y todavía no lo hacen?',
      },
      recommend: {
        question: 'Del 0 al 10, ¿qué probabilidad hay de que nos recomiendes a un colega?',
        follow_up: 'Si tuvieras que ponerle un número del 0 al 10, ¿cuál sería?',
      },
    },
    closing_message:
      'Muchas gracias. Esto llega directamente a las personas que cuidan de tu cuenta. Si surge algo urgente, responde aquí o escribe a tu CSM.',
  },
  churn_risk: {
    opening_message:
      'Hola, {name}: hemos notado que el uso en tu equipo ha cambiado un poco y preferimos preguntarte antes que suponer. Es breve, y una respuesta sincera es lo que más nos ayuda.',
    topics: {
      what_changed: {
        question: '¿Qué ha cambiado para ti o para tu equipo en las últimas semanas?',
        follow_up: '¿Hubo algún momento o hecho concreto en el que empezó?',
      },
      blockers: {
        question: '¿Qué te impide usarlo como lo habías planeado?',
        follow_up: '¿Me puedes dar un ejemplo de cuándo te frenó?',
      },
      what_would_help: {
        question: '¿Qué marcaría la mayor diferencia para ti ahora mismo?',
        follow_up: 'Si pudiéramos resolver una sola cosa este mes, ¿cuál debería ser?',
      },
      decision: {
        question: '¿Quién en tu empresa participaría en la decisión de mantener o no la herramienta?',
        follow_up: '¿Hay alguna fecha o revisión en la que se vaya a decidir?',
      },
      talk_to_human: {
        question: '¿Te ayudaría hablarlo con alguien de nuestro equipo?',
        follow_up: '¿Cuál sería la mejor forma de contactarte?',
      },
    },
    closing_message:
      'Gracias por tu sinceridad, de verdad nos ayuda. La persona que lleva tu cuenta leerá esto y, si pediste hablar, se pondrá en contacto contigo pronto.',
  },
  pre_renewal: {
    opening_message:
      '¡Hola, {name}! Se acerca tu renovación y nos gustaría saber cómo ha ido el último año desde tu lado: qué ha funcionado, qué no y qué viene ahora. Unos tres minutos.',
    topics: {
      value_delivered: {
        question: 'Mirando atrás este último año, ¿qué valor ha aportado el producto a tu equipo?',
        follow_up: '¿Hay algún resultado que mencionarías si alguien te preguntara si ha merecido la pena?',
      },
      friction: {
        question: '¿Qué ha sido más difícil o más frustrante de lo que esperabas?',
        follow_up: '¿Cuánto pesa eso en tu opinión general sobre la herramienta?',
      },
      decision_process: {
        question: '¿Quién participa en la decisión de renovar en tu empresa?',
        follow_up: '¿Se ha sumado alguien nuevo a esa decisión este año?',
      },
      budget_timing: {
        question:
          '¿Está cambiando algo en el presupuesto, el tamaño del equipo o las prioridades que pueda afectar a la renovación?',
        follow_up: '¿Hay algún plazo o fecha de revisión que debamos conocer?',
      },
      next_year: {
        question: '¿Qué te gustaría conseguir con él el próximo año?',
        follow_up: '¿Hay algún equipo o proyecto en el que te gustaría usarlo más?',
      },
    },
    closing_message:
      'Gracias, esto es justo lo que nos ayuda a preparar una conversación de renovación útil. Tu equipo de cuenta hará seguimiento de todo lo que has planteado.',
  },
  expansion: {
    opening_message:
      '¡Hola, {name}! Tu equipo le está sacando mucho partido al producto últimamente y nos encantaría entender dónde podría ayudaros a continuación. Solo unas preguntas, unos dos minutos.',
    topics: {
      current_value: {
        question: '¿Dónde marca hoy el producto la mayor diferencia para tu equipo?',
        follow_up: '¿Nos compartes un ejemplo reciente?',
      },
      new_teams: {
        question: '¿Hay otros equipos o procesos que podrían beneficiarse de lo mismo?',
        follow_up: '¿Qué equipo te viene primero a la cabeza y cuántas personas son, más o menos?',
      },
      unmet_needs: {
        question: '¿Qué te gustaría poder hacer con él que hoy no puedes?',
        follow_up: '¿Qué te permitiría hacer que ahora no puedes?',
      },
      growth_signals: {
        question: '¿Tu equipo está creciendo o cambiando de forma que más personas necesiten acceso?',
        follow_up: '¿Cuántas personas más, aproximadamente, y para cuándo?',
      },
      timing: {
        question: 'Si tuviera sentido, ¿cuándo sería un buen momento para verlo juntos?',
        follow_up: '¿Quién sería la persona adecuada para hablarlo?',
      },
    },
    closing_message:
      'Gracias, muy útil. Alguien de tu equipo de cuenta te contactará solo sobre lo que has mencionado y en el momento que mejor te venga.',
  },
  feature_launch: {
    opening_message:
      '¡Hola! Hemos visto que acabas de probar una de nuestras novedades; gracias por darle una oportunidad. Unas preguntas rápidas sobre cómo te ha ido, en un minuto.',
    topics: {
      job_to_be_done: {
        question: '¿Qué intentabas hacer cuando lo probaste?',
        follow_up: '¿Cómo lo resolvías antes de que existiera esta función?',
      },
      first_experience: {
        question: '¿Qué tal fue? ¿Hizo lo que esperabas?',
        follow_up: '¿Qué esperabas que pasara en su lugar?',
      },
      friction: {
        question: '¿Hubo algo confuso, lento o que echaras en falta?',
        follow_up: '¿En qué paso ocurrió?',
      },
      continued_use: {
        question: '¿Quién de tu equipo, tú incluido, va a seguir usándolo?',
        follow_up: '¿Qué haría que formara parte de tu día a día?',
      },
    },
    closing_message: '¡Gracias! Tus comentarios llegan directamente al equipo que lo ha creado.',
  },
};

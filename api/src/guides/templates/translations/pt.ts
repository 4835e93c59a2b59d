import type { TemplateTranslation } from './template-text';

/** Portuguese (Brazil): "você", próximo e direto, as the invitation emails write. */
export const pt: TemplateTranslation = {
  onboarding: {
    opening_message:
      'Olá {name}, boas-vindas! Queremos entender o que você espera alcançar, para que o seu onboarding combine com o jeito que você realmente trabalha. Leva uns três minutos, e você pode parar quando quiser.',
    topics: {
      goals: {
        question:
          'O que levou o seu time a começar a usar a gente agora? O que você quer que esteja diferente daqui a três meses?',
        follow_up: 'Como seria um bom resultado para você, na prática?',
      },
      use_cases: {
        question: 'Em qual processo ou tarefa você pretende usar primeiro?',
        follow_up: 'Como essa tarefa é feita hoje, sem a gente?',
      },
      stack: {
        question: 'Com quais outras ferramentas ele precisa funcionar no seu ambiente?',
        follow_up: 'Tem alguma integração que seja indispensável para você?',
      },
      success_criteria: {
        question: 'Daqui a alguns meses, como você vai saber que valeu a pena?',
        follow_up: 'Existe um número ou um momento que você apontaria como prova?',
      },
      stakeholders: {
        question: 'Quem mais vai participar, de quem usa no dia a dia até quem decide se ele fica?',
        follow_up: 'Tem mais alguém cuja opinião vai pesar?',
      },
    },
    closing_message:
      'Obrigado, isso ajuda muito. O seu CSM vai usar essas respostas para montar o seu onboarding, e você não vai precisar responder as mesmas coisas de novo. Ótimo começo!',
  },
  health_pulse: {
    opening_message:
      'Olá {name}! Estamos conversando com alguns times para entender como as coisas estão de verdade, o que funciona e o que incomoda. São só algumas perguntas rápidas, uns dois minutos.',
    topics: {
      value: {
        question: 'O que tem sido mais útil no produto para você ultimamente?',
        follow_up: 'Você lembra de um momento recente em que ele ajudou de verdade?',
      },
      friction: {
        question: 'O que mais te frustra ao usar o produto hoje?',
        follow_up: 'O que acontece quando você esbarra nisso? Como você contorna?',
      },
      indispensable: {
        question: 'O que faria o seu time não conseguir mais trabalhar sem ele?',
        follow_up: 'Se você pudesse mudar uma coisa, qual seria?',
      },
      adoption: {
        question: 'Quanto ele é usado no seu time hoje?',
        follow_up: 'Tem pessoas ou times que poderiam usar, mas ainda não usam?',
      },
      recommend: {
        question: 'De 0 a 10, qual a probabilidade de você nos recomendar a um colega?',
        follow_up: 'Se tivesse que dar uma nota de 0 a 10, qual seria?',
      },
    },
    closing_message:
      'Muito obrigado! Isso vai direto para as pessoas que cuidam da sua conta. Se surgir algo urgente, é só responder aqui ou falar com o seu CSM.',
  },
  churn_risk: {
    opening_message:
      'Olá {name}, percebemos que o uso no seu time mudou um pouco e preferimos perguntar a tentar adivinhar. É rápido, e uma resposta sincera é o que mais ajuda.',
    topics: {
      what_changed: {
        question: 'O que mudou para você ou para o seu time nas últimas semanas?',
        follow_up: 'Houve um momento ou um acontecimento específico em que isso começou?',
      },
      blockers: {
        question: 'O que está impedindo vocês de usar do jeito que tinham planejado?',
        follow_up: 'Você pode me dar um exemplo de quando isso atrapalhou?',
      },
      what_would_help: {
        question: 'O que faria mais diferença para você agora?',
        follow_up: 'Se pudéssemos resolver uma única coisa este mês, qual deveria ser?',
      },
      decision: {
        question: 'Quem do seu lado participaria de uma decisão sobre manter ou não a ferramenta?',
        follow_up: 'Existe uma data ou uma revisão em que isso vai ser decidido?',
      },
      talk_to_human: {
        question: 'Ajudaria conversar sobre isso com alguém do nosso time?',
        follow_up: 'Qual seria a melhor forma de falar com você?',
      },
    },
    closing_message:
      'Obrigado pela sinceridade, isso ajuda de verdade. A pessoa que cuida da sua conta vai ler tudo e, se você pediu para conversar, vai entrar em contato em breve.',
  },
  pre_renewal: {
    opening_message:
      'Olá {name}! A sua renovação está chegando, e queremos saber como foi o último ano do seu lado: o que funcionou, o que não funcionou e o que vem pela frente. Uns três minutos.',
    topics: {
      value_delivered: {
        question: 'Olhando para o último ano, que valor o produto trouxe para o seu time?',
        follow_up: 'Tem algum resultado que você citaria se alguém perguntasse se valeu a pena?',
      },
      friction: {
        question: 'O que foi mais difícil ou mais frustrante do que você esperava?',
        follow_up: 'Quanto isso pesa na sua visão geral da ferramenta?',
      },
      decision_process: {
        question: 'Quem participa da decisão de renovação do seu lado?',
        follow_up: 'Alguém novo passou a fazer parte dessa decisão este ano?',
      },
      budget_timing: {
        question: 'Alguma mudança de orçamento, tamanho do time ou prioridades pode afetar a renovação?',
        follow_up: 'Existe algum prazo ou data de revisão que devemos saber?',
      },
      next_year: {
        question: 'O que você gostaria de conseguir com ele no próximo ano?',
        follow_up: 'Tem algum time ou projeto em que você gostaria de usar mais?',
      },
    },
    closing_message:
      'Obrigado, é exatamente isso que nos ajuda a preparar uma boa conversa de renovação. O seu time de conta vai dar retorno sobre tudo o que você levantou.',
  },
  expansion: {
    opening_message:
      'Olá {name}! O seu time tem aproveitado muito o produto ultimamente, e queremos entender onde ele pode ajudar em seguida. São só algumas perguntas, uns dois minutos.',
    topics: {
      current_value: {
        question: 'Onde o produto faz mais diferença para o seu time hoje?',
        follow_up: 'Você pode compartilhar um exemplo recente?',
      },
      new_teams: {
        question: 'Existem outros times ou processos que poderiam se beneficiar da mesma forma?',
        follow_up: 'Qual time vem primeiro à cabeça, e quantas pessoas, mais ou menos?',
      },
      unmet_needs: {
        question: 'O que você gostaria de fazer com ele que hoje não consegue?',
        follow_up: 'O que isso permitiria fazer que hoje não dá?',
      },
      growth_signals: {
        question: 'O seu time está crescendo ou mudando de um jeito que mais pessoas precisem de acesso?',
        follow_up: 'Quantas pessoas a mais, mais ou menos, e até quando?',
      },
      timing: {
        question: 'Se fizer sentido, quando seria um bom momento para olharmos isso juntos?',
        follow_up: 'Quem seria a pessoa certa para conversar sobre isso?',
      },
    },
    closing_message:
      'Obrigado, foi muito útil. Alguém do seu time de conta vai retomar só o que você mencionou, no momento que for melhor para você.',
  },
  feature_launch: {
    opening_message:
      'Olá! Vimos que você acabou de experimentar um dos nossos recursos mais novos. Obrigado por testar! Algumas perguntas rápidas sobre como foi, em um minuto.',
    topics: {
      job_to_be_done: {
        question: 'O que você estava tentando fazer quando experimentou?',
        follow_up: 'Como você resolvia isso antes de existir esse recurso?',
      },
      first_experience: {
        question: 'Como foi? Ele fez o que você esperava?',
        follow_up: 'O que você esperava que acontecesse?',
      },
      friction: {
        question: 'Alguma coisa ficou confusa, lenta ou faltando?',
        follow_up: 'Em qual etapa isso aconteceu?',
      },
      continued_use: {
        question: 'Quem do seu time, incluindo você, vai continuar usando?',
        follow_up: 'O que faria ele entrar na sua rotina?',
      },
    },
    closing_message: 'Obrigado! O seu feedback vai direto para o time que criou esse recurso.',
  },
};

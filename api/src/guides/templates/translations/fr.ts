import type { TemplateTranslation } from './template-text';

/** French: "vous", warm and direct, the way a French CS team writes to a customer. */
export const fr: TemplateTranslation = {
  onboarding: {
    opening_message:
      'Bonjour {name}, et bienvenue ! Nous aimerions comprendre ce que vous attendez de notre solution, pour que votre onboarding colle à votre façon de travailler. Cela prend environ trois minutes, et vous pouvez arrêter à tout moment.',
    topics: {
      goals: {
        question:
          'Qu’est-ce qui a décidé votre équipe à nous choisir maintenant – qu’aimeriez-vous voir changer d’ici trois mois ?',
        follow_up: 'À quoi ressemblerait un bon résultat pour vous, concrètement ?',
      },
      use_cases: {
        question: 'Pour quel processus ou quelle tâche comptez-vous l’utiliser en premier ?',
        follow_up: 'Comment cette tâche se passe-t-elle aujourd’hui, sans nous ?',
      },
      stack: {
        question: 'Avec quels autres outils doit-il fonctionner chez vous ?',
        follow_up: 'Y a-t-il une intégration indispensable pour vous ?',
      },
      success_criteria: {
        question: 'Dans quelques mois, à quoi verrez-vous que cela en valait la peine ?',
        follow_up: 'Y a-t-il un chiffre ou un moment précis que vous citeriez comme preuve ?',
      },
      stakeholders: {
        question:
          'Qui d’autre sera concerné, des utilisateurs au quotidien jusqu’à la personne qui décidera de le garder ?',
        follow_up: 'Y a-t-il quelqu’un d’autre dont l’avis comptera ?',
      },
    },
    closing_message:
      'Merci, c’est très utile. Votre CSM s’en servira pour adapter votre onboarding, et on ne vous reposera pas les mêmes questions. Très bon démarrage !',
  },
  health_pulse: {
    opening_message:
      'Bonjour {name} ! Nous prenons des nouvelles de quelques équipes pour savoir comment les choses se passent vraiment – le positif comme les irritants. Juste quelques questions rapides, environ deux minutes.',
    topics: {
      value: {
        question: 'Qu’est-ce qui vous a été le plus utile dans le produit ces derniers temps ?',
        follow_up: 'Vous pensez à un moment récent où il vous a vraiment aidé ?',
      },
      friction: {
        question: 'Qu’est-ce qui vous agace le plus dans son utilisation en ce moment ?',
        follow_up: 'Que se passe-t-il quand vous tombez dessus – comment contournez-vous le problème ?',
      },
      indispensable: {
        question: 'Qu’est-ce qui le rendrait indispensable pour votre équipe ?',
        follow_up: 'Si vous pouviez changer une seule chose, laquelle serait-ce ?',
      },
      adoption: {
        question: 'Dans quelle mesure est-il utilisé dans votre équipe aujourd’hui ?',
        follow_up: 'Y a-t-il des personnes ou des équipes qui pourraient l’utiliser mais ne le font pas encore ?',
      },
      recommend: {
        question: 'Sur une échelle de 0 à 10, quelle est la probabilité que vous nous recommandiez à un collègue ?',
        follow_up: 'Si vous deviez mettre une note de 0 à 10, laquelle serait-ce ?',
      },
    },
    closing_message:
      'Merci beaucoup – vos réponses vont directement aux personnes qui suivent votre compte. Si quelque chose d’urgent se présente, répondez simplement ici ou contactez votre CSM.',
  },
  churn_risk: {
    opening_message:
      'Bonjour {name}, nous avons remarqué que l’utilisation a un peu changé dans votre équipe, et nous préférons vous poser la question plutôt que de deviner. C’est court, et une réponse franche est ce qui nous aide le plus.',
    topics: {
      what_changed: {
        question: 'Qu’est-ce qui a changé pour vous ou votre équipe ces dernières semaines ?',
        follow_up: 'Y a-t-il eu un moment ou un événement précis où cela a commencé ?',
      },
      blockers: {
        question: 'Qu’est-ce qui vous empêche de l’utiliser comme vous l’aviez prévu ?',
        follow_up: 'Pourriez-vous me donner un exemple où cela vous a bloqué ?',
      },
      what_would_help: {
        question: 'Qu’est-ce qui ferait la plus grande différence pour vous en ce moment ?',
        follow_up: 'Si nous pouvions régler une seule chose ce mois-ci, laquelle devrait-ce être ?',
      },
      decision: {
        question: 'Qui, chez vous, participerait à une décision de garder ou non l’outil ?',
        follow_up: 'Y a-t-il une date ou un point d’étape où cela sera décidé ?',
      },
      talk_to_human: {
        question: 'Est-ce que ce serait utile d’en parler avec quelqu’un de notre équipe ?',
        follow_up: 'Quel serait le meilleur moyen de vous joindre ?',
      },
    },
    closing_message:
      'Merci pour votre franchise, cela nous aide vraiment. La personne qui suit votre compte lira vos réponses et, si vous avez demandé à échanger, elle vous contactera très vite.',
  },
  pre_renewal: {
    opening_message:
      'Bonjour {name} ! Votre renouvellement approche, et nous aimerions savoir comment s’est passée l’année de votre côté – ce qui a marché, ce qui n’a pas marché et ce qui vous attend. Environ trois minutes.',
    topics: {
      value_delivered: {
        question: 'Avec le recul sur l’année écoulée, qu’est-ce que le produit a apporté à votre équipe ?',
        follow_up:
          'Y a-t-il un résultat que vous mettriez en avant si l’on vous demandait si cela en valait la peine ?',
      },
      friction: {
        question: 'Qu’est-ce qui a été plus difficile ou plus frustrant que prévu ?',
        follow_up: 'Dans quelle mesure cela pèse-t-il sur votre avis général sur l’outil ?',
      },
      decision_process: {
        question: 'Qui participe à la décision de renouvellement chez vous ?',
        follow_up: 'Quelqu’un de nouveau s’est-il joint à cette décision cette année ?',
      },
      budget_timing: {
        question:
          'Y a-t-il des changements de budget, de taille d’équipe ou de priorités qui pourraient peser sur le renouvellement ?',
        follow_up: 'Y a-t-il un calendrier ou une date de revue que nous devrions connaître ?',
      },
      next_year: {
        question: 'Qu’aimeriez-vous en tirer l’année prochaine ?',
        follow_up: 'Y a-t-il une équipe ou un projet où vous aimeriez l’utiliser davantage ?',
      },
    },
    closing_message:
      'Merci, c’est exactement ce qui nous aide à préparer un échange utile sur le renouvellement. Votre équipe de compte reviendra vers vous sur chaque point que vous avez soulevé.',
  },
  expansion: {
    opening_message:
      'Bonjour {name} ! Votre équipe tire beaucoup du produit ces derniers temps, et nous aimerions comprendre où il pourrait vous aider ensuite. Juste quelques questions – environ deux minutes.',
    topics: {
      current_value: {
        question: 'Où le produit fait-il la plus grande différence pour votre équipe aujourd’hui ?',
        follow_up: 'Auriez-vous un exemple récent ?',
      },
      new_teams: {
        question: 'D’autres équipes ou d’autres processus pourraient-ils en profiter de la même façon ?',
        follow_up: 'Quelle équipe vous vient en premier à l’esprit, et combien de personnes environ ?',
      },
      unmet_needs: {
        question: 'Qu’aimeriez-vous pouvoir faire avec, que vous ne pouvez pas faire aujourd’hui ?',
        follow_up: 'Qu’est-ce que cela vous permettrait de faire que vous ne pouvez pas faire aujourd’hui ?',
      },
      growth_signals: {
        question:
          'Votre équipe grandit-elle ou évolue-t-elle d’une façon qui change le nombre de personnes ayant besoin d’un accès ?',
        follow_up: 'Combien de personnes en plus environ, et d’ici quand ?',
      },
      timing: {
        question: 'Si cela avait du sens, quel serait le bon moment pour en parler ensemble ?',
        follow_up: 'Quelle serait la bonne personne à qui en parler ?',
      },
    },
    closing_message:
      'Merci, c’est très utile. Quelqu’un de votre équipe de compte reviendra vers vous uniquement sur ce que vous avez mentionné, au moment qui vous convient.',
  },
  feature_launch: {
    opening_message:
      'Bonjour ! Vous venez d’essayer l’une de nos toutes dernières fonctionnalités – merci de l’avoir testée. Quelques questions rapides sur la façon dont ça s’est passé, une minute environ.',
    topics: {
      job_to_be_done: {
        question: 'Qu’essayiez-vous de faire quand vous l’avez testée ?',
        follow_up: 'Comment faisiez-vous avant que cette fonctionnalité existe ?',
      },
      first_experience: {
        question: 'Comment ça s’est passé – a-t-elle fait ce que vous attendiez ?',
        follow_up: 'À quoi vous attendiez-vous à la place ?',
      },
      friction: {
        question: 'Quelque chose était-il déroutant, lent ou manquant ?',
        follow_up: 'À quelle étape est-ce arrivé ?',
      },
      continued_use: {
        question: 'Qui, dans votre équipe, vous compris, va continuer à l’utiliser ?',
        follow_up: 'Qu’est-ce qui en ferait une habitude dans votre quotidien ?',
      },
    },
    closing_message: 'Merci ! Vos retours vont directement à l’équipe qui l’a conçue.',
  },
};

/**
 * Built-in cue phrases for rules extraction in en, de, fr, es, pt and ja, keyed to the
 * standard taxonomy. They add to a guide's own keywords (a key the guide does not have is
 * skipped) and are phrased tightly on purpose: each was kept only if it held precision
 * ≥ 0.9 on the labelled set (api/src/extraction/eval). Japanese has no spaces, so its cues
 * match anywhere; the others match at a word start.
 */
const word = (src: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${src})`, 'iu');
const anywhere = (src: string) => new RegExp(src, 'u');
// Case-sensitive, for cues that look for a capitalised product name after them.
const named = (src: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${src})`, 'u');

export const churnCues: Record<string, RegExp[]> = {
  price_value: [
    word(
      'price (?:feels|seems|is) (?:too )?high|zu teuer|preis (?:ist )?(?:uns )?zu hoch|trop cher|prix (?:nous )?(?:semble|paraît|est) (?:trop )?élevé|demasiado caro|precio (?:nos )?(?:parece|es) (?:muy )?alto|caro demais|muito caro|preço (?:parece|é) (?:muito )?alto',
    ),
    word(
      '(?:price|prices) (?:went|go(?:es)?) up|preis (?:wurde |ist )?(?:erhöht|gestiegen)|prix a (?:encore )?augmenté|subió el precio|preço subiu',
    ),
    anywhere('価格が高い|高すぎ|値上げ'),
    word(
      '(?:preis|preise)[^.!?]{0,40}zu hoch|es (?:un poco |muy |bastante )?caro|é (?:um pouco |muito )?caro|(?:un peu|bien) trop cher',
    ),
    anywhere('(?:価格|値段|料金)が(?:少し)?高|少し高いです'),
  ],
  champion_left: [
    word(
      'champion \\p{Lu}\\p{L}+ (?:left|quit)|(?:unternehmen|firma) verlassen|est parti(?:e)? |ha dejado la empresa|se fue |saiu (?:da empresa|no mês)',
    ),
    anywhere('退職|辞めました'),
  ],
  budget_cut: [
    word(
      'budgetstopp|budget(?:kürzung|sperre)|sparmaßnahmen|gel budgétaire|restrictions budgétaires|presupuesto congelado|recortes? de presupuesto|congelamento de orçamento|cortes? de orçamento',
    ),
    anywhere('予算が凍結|予算が削|予算削減|コスト削減'),
    word(
      'kein budget|plus de budget|pas de budget|no tenemos presupuesto|sin presupuesto|não temos orçamento|sem orçamento',
    ),
    anywhere('予算がありません|予算がない'),
  ],
  switched_competitor: [
    named(
      '[wW]echseln zu|[uU]msteigen auf|[nN]ous passons à (?=\\p{Lu})|passer à (?=\\p{Lu})|cambiar a (?=\\p{Lu})|migrar para o (?=\\p{Lu})',
    ),
    anywhere('に乗り換え'),
  ],
  performance_reliability: [
    word('sehr langsam|stürzt (?:oft )?ab|est lente|plante souvent|muy lenta|se cae|muito lento|trava com'),
    anywhere('動作が遅|クラッシュ'),
    word('takes forever|dauerte? [^.!?]{0,20}ewig|met du temps à charger|tarda (?:mucho|una eternidad)|demora muito'),
  ],
  support_experience: [
    word(
      '(?:support|help ?desk) never (?:got back|replied|answered)|support hat sich nie gemeldet|ne nous a jamais répondu|nunca nos respondió|nunca nos respondeu',
    ),
    anywhere('サポートから返事がありません'),
  ],
  adoption_onboarding: [
    word(
      "nobody (?:on the team )?(?:really )?uses it|no one (?:on the team )?(?:really )?uses it|kaum jemand (?:im team )?nutzt|personne dans l['’]équipe ne|casi nadie (?:en el equipo )?lo usa|quase ninguém (?:na equipe )?usa",
    ),
    anywhere('ほとんど誰も使っていません'),
  ],
};

/** Doubt about renewing, filed as a churn risk with no taxonomy reason. */
export const renewalDoubt: RegExp[] = [
  word(
    "not sure (?:if |whether |that )?we(?:'ll| will)? renew|nicht sicher, ob wir verlängern|pas sûr que nous (?:allons )?renouveler|no estoy seguro de que vayamos a renovar|não tenho certeza se vamos renovar",
  ),
  anywhere('更新するかどうか分かりません'),
];

export const expansionCues: Record<string, RegExp[]> = {
  seats: [
    word('weitere lizenzen|licences supplémentaires|licencias más|mais (?:\\p{L}+ )?licenças'),
    anywhere('ライセンスを\\d+件追加'),
  ],
  new_team_use_case: [
    word('marketing-team möchte|équipe marketing veut|equipo de marketing también|equipe de marketing também'),
    anywhere('チームも使いたい'),
  ],
  plan_upgrade: [
    word(
      'enterprise-tarif|(?:offre|plan|plano) enterprise|move to the enterprise plan|upgrade (?:to (?:the )?(?:enterprise|business|pro|premium|a higher|a bigger)|our plan)',
    ),
    anywhere('プランへのアップグレード'),
  ],
};

/** Asking for a person, beyond the English cues. */
export const wantsHumanCues: RegExp[] = [
  word(
    'mit einem menschen sprechen|können sie mich (?:bitte )?anrufen|parler à une vraie personne|me rappeler|hablar con una persona|me pueden llamar|falar com uma pessoa|podem me ligar',
  ),
  anywhere('担当者と直接話したい|電話をいただけますか'),
];

/** Feature requests, beyond the English cues. */
export const featureCues: RegExp[] = [
  word(
    "the main thing missing is|what we(?:'re| are) missing is|es wäre toll, wenn|was uns am meisten fehlt|es fehlt eine|ce qui manque|ce serait bien de|echamos en falta|sería genial poder|o que mais falta|seria ótimo poder",
  ),
  anywhere('一番足りないのは|できるとうれしい'),
  word("j[’']aimerais pouvoir|me gustaría poder|gostaria de poder|ich würde gern(?:e)? [^.!?]{0,30}können"),
  anywhere('ようにしてほしい|機能がほしい'),
];

/** A competitor named in a comparison or a switch; group 1 is the name. */
export const competitorCues: RegExp[] = [
  /(?<![\p{L}])(?:compar(?:ing|ed) (?:it )?(?:with|to)|evaluating|vergleichen (?:gerade )?mit|wechseln zu|comparons avec|passons à|comparando con|cambiar a|comparando com o|migrar para o)\s+(\p{Lu}[\p{L}&-]*(?:\.\p{L}+)?)/u,
  /(?<![\p{L}])(?:(?:started |running |doing )?a trial of|trialling|trialing|trying out|testing|testen(?: gerade)?|testons|probando|testando o)\s+(\p{Lu}[\p{L}&-]*(?:\.\p{L}+)?)/u,
  /(\p{Lu}[\p{L}&-]*(?:\.\p{L}+)?)(?:と比較|に乗り換え|も試して)/u,
];

/** A person who left or a new leader, in a sentence naming their role (group 1) and maybe their name (group 2). */
export const stakeholderChangeCues: RegExp[] = [
  /(?<![\p{L}])(?:our|unser|notre|nuestro|nosso)\s+(champion|neuer geschäftsführer|nouveau directeur financier|nuevo director financiero|novo diretor financeiro)(?:,?\s+(?-i:(\p{Lu}\p{Ll}+)))?/iu,
  /(チャンピオン|新しいCFO)/u,
];

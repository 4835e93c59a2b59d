/*
 * The scripted interviewer's ears, and the AI interviewer's conservative safety net: a
 * few phrases per UI language (en, de, fr, es, pt, ja) that mean "let me talk to a
 * person", "stop", "yes", or "nothing more on this". They match whole requests, not
 * words: "stop asking for the spreadsheet", "call me crazy" and "we stopped using X" are
 * answers, and must never close an interview.
 */

const handoffPatterns = [
  // en
  /\b(talk|speak|chat)\s+(to|with)\s+(a\s+|an\s+|some\s*one\s*|somebody\s*|my\s+|our\s+|your\s+)?(real\s+|actual\s+)?(human|person|people|csm|account\s+manager|customer\s+success|sales|rep|representative|agent|support)/i,
  /\b(talk|speak|chat)\s+(to|with)\s+(some\s*one|somebody)(\s+(from|on|in)\s+(the|your)\s+(team|side))?\s*([.!?]|$|from\s+(customer\s+success|support|sales|your))/i,
  /\b(real|actual|live)\s+(person|human|agent)\b/i,
  /\b(can|could|would|will)\s+(some\s*one|somebody|a person|a human|you)\b.{0,40}?\b(call|contact|reach\s+out|email|get\s+in\s+touch|phone)\b/i,
  /\b(have|get)\s+(some\s*one|somebody|my\s+csm|our\s+csm)\s+(call|contact|reach\s+out|get\s+in\s+touch)/i,
  /\b(please\s+)?call\s+me\s+(back|at|on|tomorrow|today|later|please|when)\b/i,
  /^\s*(please\s+)?call\s+me\s*[.!]*\s*$/i,
  // de
  /\bmit\s+(einem|einer|jemandem|unserem|unserer|meinem|meiner|ihrem|eurem)\s+(echten\s+)?(menschen|mitarbeiter(in)?|person|ansprechpartner(in)?|account[\s-]?manager(in)?|kundenbetreuer(in)?|berater(in)?)/i,
  /\b(kann|könnte|würde)\s+(sich\s+)?(mich\s+)?jemand\b.{0,40}?\b(anrufen|kontaktieren|melden|zurückrufen)/i,
  /\b(rufen\s+sie\s+mich|ruft\s+mich|ruf\s+mich)\s+(bitte\s+)?(an|zurück)\b/i,
  // fr
  /\bparler\s+(à|a|avec)\s+(quelqu'un|quelqu’un|une\s+personne|un\s+humain|un\s+conseiller|notre|mon|ma|votre)/i,
  /\bquelqu['’]un\b.{0,40}?\b(pourrait|peut|pourra)\s+(me\s+)?(contacter|rappeler|appeler|joindre)/i,
  /\b(rappelez|contactez|appelez)[\s-]moi\b/i,
  // es
  /\bhablar\s+con\s+(alguien|una\s+persona|un\s+humano|un\s+agente|nuestro|nuestra|mi|su)\b/i,
  /\b(puede|podría|podria)\s+alguien\b.{0,40}?\b(contactarme|llamarme|escribirme|comunicarse)/i,
  /\b(llámenme|llamenme|contáctenme|contactenme)\b/i,
  // pt
  /\bfalar\s+com\s+(alguém|alguem|uma\s+pessoa|um\s+humano|um\s+atendente|nosso|nossa|meu|minha|o\s+nosso|a\s+nossa)\b/i,
  /\balgu[ée]m\b.{0,40}?\b(pode|poderia)\s+(me\s+)?(ligar|contatar|contactar|entrar\s+em\s+contato)/i,
  /\b(me\s+liguem|liguem[\s-]me|me\s+contatem|contatem[\s-]me)\b/i,
  // ja
  /(担当者|人間|オペレーター|営業|サポート|誰か|だれか|人)(の方)?(と|に)(話|はな|相談|つな|繋)/,
  /(連絡|電話|折り返し)(を)?(ください|下さい|してください|して下さい|してほしい|して欲しい|をお願い|お願い)/,
];

// The interviewer's own offer to connect the customer with a person, in any UI language.
const offerPatterns = [
  /\b(connect|put)\s+you\s+(with|in\s+touch)|\b(some\s*one|somebody)\b.{0,30}\b(reach\s+out|get\s+in\s+touch|contact\s+you|call\s+you)|\b(talk|speak)\s+(to|with)\s+(a\s+person|some\s*one|your\s+(csm|account\s+manager))/i,
  /\b(verbinden|in\s+kontakt\s+bringen|jemand\b.{0,30}\b(meldet|melden|kontaktiert|anruft))/i,
  /\b(mettre\s+en\s+(contact|relation)|quelqu['’]un\b.{0,30}\b(vous\s+contacte|vous\s+rappelle))/i,
  /\b(ponerle?\s+en\s+contacto|alguien\b.{0,30}\b(le\s+contacte|se\s+comunique))/i,
  /\b(colocar\s+(você\s+)?em\s+contato|algu[ée]m\b.{0,30}\b(entre\s+em\s+contato|ligue))/i,
  /(担当者|おつなぎ|お繋ぎ|ご連絡|連絡させ)/,
];

const affirmative =
  /^\s*(yes|yeah|yep|yup|sure|ok(ay)?|please|please do|yes please|go ahead|that would be (great|good|helpful)|ja|jawohl|gerne?|bitte|ja,? bitte|oui|volontiers|oui,? s'il vous pla[iî]t|s[ií]|claro|por favor|s[ií],? por favor|sim|sim,? por favor|はい|ええ|お願いします|おねがいします|はい、?お願いします)\s*[.!]*\s*$/i;

const negative =
  /^\s*(no|nope|no thanks|no,? (let'?s )?(go on|continue|carry on)|(let'?s )?(go on|continue|carry on|keep going)|nein|weiter|weitermachen|non|continuons|continuer|continue[zr]?|no,? sigamos|sigamos|seguir|continuar|não|nao|いいえ|続けて(ください)?|続けます)\s*[.!]*\s*$/i;

/** Stops with only one reading: recorded at once. */
const clearStopPatterns = [
  // "Stop", also with a "please" or as the answer "yes, stop" to "would you like to stop here?".
  /^\s*((yes|yeah|ja|oui|s[ií]|sim)[,.!]?\s+)?((please|bitte|s'il vous pla[iî]t|por favor)[,]?\s+)?(stop|quit|exit|cancel|unsubscribe|leave me alone|stopp|aufhören|arr[êe]te[sz]?|basta|para|pare|停止|やめて(ください)?|結構です)(\s+(please|now|here|bitte|por favor))?\s*[.!]*\s*$/i,
  /\b(unsubscribe|opt[\s-]?out)\b/i,
  /\bstop\s+(asking|messaging|emailing|contacting)\s+me\b/i,
  /\b(don'?t|do not|never)\s+(ask|contact|message|email)\s+me\s+(again|anymore|any more)\b/i,
  /\b(kontaktieren|fragen|schreiben)\s+sie\s+mich\s+nicht\s+mehr\b/i,
  /\bne\s+me\s+(contactez|sollicitez|écrivez)\s+plus\b/i,
  /\bno\s+me\s+(contacten|escriban|pregunten)\s+m[áa]s\b/i,
  /\bn[ãa]o\s+me\s+(contatem|escrevam|perguntem)\s+mais\b/i,
  /(もう)?(連絡|メール)(しないで|は不要)/,
];

/** Sounds like stopping but could mean something else: confirmed once before anything is recorded. */
const unclearStopPatterns = [
  /^\s*(end|enough|no more( questions)?|i'?m done|done|that'?s enough)\s*[.!]*\s*$/i,
  /^\s*(i\s+(want|would like|'d like)\s+to\s+stop|can\s+we\s+stop|let'?s\s+stop)(\s+(here|now|there))?\s*[.!?]*\s*$/i,
  /\bstop\s+(this(\s+(interview|survey|conversation|chat))?|the\s+(interview|survey))\s*[.!]*\s*$/i,
  /\bi\s+(don'?t|do not)\s+want\s+to\s+(continue|answer|do this|talk about this)/i,
  /\b(ich\s+möchte\s+(nicht\s+(mehr\s+)?weitermachen|aufhören)|keine\s+fragen\s+mehr|genug)\b/i,
  /\b(je\s+(ne\s+)?veux\s+(pas\s+continuer|arr[êe]ter)|plus\s+de\s+questions)\b/i,
  /\b(no\s+quiero\s+(continuar|seguir)|quiero\s+parar|no\s+m[áa]s\s+preguntas)\b/i,
  /\b(n[ãa]o\s+quero\s+(continuar|seguir)|quero\s+parar|chega\s+de\s+perguntas)\b/i,
  /(もうやめたい|終わりにしたい|これ以上答えたくない)/,
];

/** "Nothing more on this topic." */
const closingPhrase =
  /^\s*(no|nope|nothing( else| more)?|nothing else to add|not really|that'?s (all|it)|that is all|no,? (that'?s|that is) (all|it)|nichts( weiter| mehr)?|sonst nichts|das (war'?s|ist alles)|nein,? (das war'?s|sonst nichts)|rien( d'autre| de plus)?|c'est tout|non,? c'est tout|nada( m[áa]s)?|eso es todo|no,? eso es todo|nada mais|[ée] s[óo] isso|s[óo] isso|n[ãa]o,? s[óo] isso|特にありません|特にない|以上です|以上|それだけです|他にありません|ありません)\s*[.!。]*\s*$/i;

/** The customer asked to talk to a person, or said yes to the interviewer's own offer of one. */
export function asksForHuman(text: string, lastInterviewerText = ''): boolean {
  if (handoffPatterns.some((p) => p.test(text))) return true;
  return affirmative.test(text) && offerPatterns.some((p) => p.test(lastInterviewerText));
}

/** Whether the customer asked to stop: `clear` is recorded at once, `unclear` is confirmed first. */
export function stopRequest(text: string): 'clear' | 'unclear' | null {
  if (clearStopPatterns.some((p) => p.test(text))) return 'clear';
  if (unclearStopPatterns.some((p) => p.test(text))) return 'unclear';
  return null;
}

/** A plain "yes" (to a question the interviewer asked). */
export function isAffirmative(text: string): boolean {
  return affirmative.test(text);
}

/** A plain "no, carry on". */
export function isNegative(text: string): boolean {
  return negative.test(text);
}

/** "Nothing else", "that's all": the customer has no more to say on this topic. */
export function isClosingPhrase(text: string): boolean {
  return closingPhrase.test(text);
}

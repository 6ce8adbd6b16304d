import type { LocalFeatures } from "../pipeline/features.js";
import { Lexicon, normalizeForLexicon } from "./lexicon-util.js";
import type { DetectorMeta } from "./types.js";

/**
 * Comment sections. Two kinds of evidence: a *marker* (the section header: "Leave a comment",
 * "0 Comments", "اكتب تعليق", "Kommentare") and *form* lines (field labels, "Your email address will not
 * be published", anti-spam notices, sort orders, notify-me boxes). Form lines go wherever they stand.
 * A marker ends the article: what follows is dropped as comments (see src/pipeline/decide.ts for the
 * rule that lets clear article text resume).
 */
export const meta: DetectorMeta = {
  id: "comment-widget",
  description: "Comment section headers, comment forms and the reader comments that follow them, by multilingual vocabulary.",
  languages: ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "ar", "ru", "zh", "ja", "ko"],
  reasons: {
    "comment-marker": "header that opens a comment section (\"Leave a comment\", \"3 Comments\")",
    "comment-form": "comment form fields, notices, sort orders and subscribe-to-replies boxes",
    "comment-meta": "comment bylines: relative times (\"3 days ago\"), date-and-time stamps, like/reply buttons",
    "comment-section": "a line inside the comment section that a marker opened",
  },
};

/** Section headers are short; long lines that mention comments are sentences, not widgets. */
export const MARKER_MAX_CHARS = 60;
/** A comment byline (name, date, reply link) fits in this many characters. */
export const BYLINE_MAX_CHARS = 120;
/** Moderation and anti-spam notices run to a paragraph (seed 001 has a 300-character one). */
export const FORM_MAX_CHARS = 400;

/**
 * The vocabulary of this detector, behind one gate (see Lexicon). Anchored families only: its three
 * anywhere families cost less than the pass over the line that would gate them (bench, 71,711 calls:
 * 0.212–0.249 s without the pass, 0.239–0.322 s with it).
 */
export const lexicon = new Lexicon({ scanAnywhere: false });

/** Phrases that name an action on the comment form: they open a section wherever they stand. */
const STRONG = ["add new comment", "add your comment", "إضافة تعليق", "إضافة تعليق جديد", "أضف تعليقك", "neuen kommentar hinzufügen", "ajouter un nouveau commentaire", "añadir nuevo comentario", "leave a comment", "leave a reply", "cancel reply", "hinterlasse eine antwort", "hinterlasse einen kommentar", "schreibe einen kommentar", "antwort abbrechen", "laisser une réponse", "annuler la réponse", "deja una respuesta", "cancelar respuesta", "lascia una risposta", "annulla risposta", "deixe uma resposta", "cancelar resposta", "geef een reactie", "dodaj odpowiedź", "bir cevap yazın", "оставьте ответ", "отменить ответ", "إلغاء الرد", "发表回复", "コメントを残す", "leave comment", "post a comment", "add a comment", "add comment", "write a comment", "submit a comment", "join the discussion", "join the conversation", "no comments yet", "no comments", "be the first to comment", "show comments", "view comments", "comments are closed", "laisser un commentaire", "laissez un commentaire", "ajouter un commentaire", "écrire un commentaire", "aucun commentaire", "enregistrer un commentaire", "publier un commentaire", "poster un commentaire", "commenter cet article", "réagissez", "réagir", "kommentieren", "jetzt kommentieren", "artikel kommentieren", "comentar", "commenta", "comente", "reageer", "skomentuj", "комментировать", "علق", "علّق", "评论一下", "post your comment", "write your comment", "comment on this article", "comment on this story", "what do you think?", "réagir à cet article", "kommentar schreiben", "kommentar verfassen", "schreiben sie einen kommentar", "diskutieren sie mit", "kommentar hinzufügen", "keine kommentare", "deja un comentario", "dejar un comentario", "escribe un comentario", "deja tu comentario", "sin comentarios", "lascia un commento", "scrivi un commento", "nessun commento", "deixe um comentário", "deixe seu comentário", "escreva um comentário", "laat een reactie achter", "plaats een reactie", "dodaj komentarz", "napisz komentarz", "brak komentarzy", "yorum yap", "yorum yaz", "اكتب تعليق", "اكتب تعليقك", "أضف تعليق", "أضف تعليقاً", "أضف تعليقا", "اترك تعليقا", "اترك تعليقاً", "اترك رد", "اترك ردا", "لا توجد تعليقات", "оставить комментарий", "оставьте комментарий", "добавить комментарий", "написать комментарий", "нет комментариев", "发表评论", "我要评论", "暂无评论", "コメントを書く", "コメントする", "コメントを投稿", "댓글 쓰기", "댓글 달기"];
/** Bare section titles and counts: a marker only once article text stands before them. */
const WEAK = ["leserpost", "leserbriefe", "leserbrief", "lesermeinungen", "courrier des lecteurs", "cartas de los lectores", "comment", "comments", "responses", "replies", "reader comments", "discussion", "commentaire", "commentaires", "réactions", "kommentare", "kommentar", "leserkommentare", "comentarios", "comentario", "commenti", "commento", "comentários", "comentário", "reacties", "reactie", "komentarze", "komentarzy", "yorumlar", "yorum", "kommentarer", "التعليقات", "تعليقات", "تعليق", "комментарии", "комментариев", "комментарий", "评论", "网友评论", "コメント", "댓글"];

const strong = lexicon.wholeLine(STRONG);
/** Dumps glue the form's next label onto its head ("Hinterlasse eine Antwort Antworten abbrechen"). */
const strongStart = lexicon.lineStart(STRONG.filter((p) => p.split(" ").length >= 3));
const count = new RegExp(String.raw`^[\s•*·|(]*\d+\s*(?:${WEAK.join("|")})[\s:.)]*$`, "iu");
const weak = lexicon.wholeLine(WEAK);
/** "Josef Lindner, 9 Apr 2020 / 08:34 Reply": a byline with a date and a reply link at its end. */
const REPLY_WORDS = ["reply", "antworten", "répondre", "responder", "rispondi", "responda", "beantwoorden", "odpowiedz", "yanıtla", "ответить", "رد", "回复", "返信"];
const bylineReply = new RegExp(String.raw`\d.*(?:${REPLY_WORDS.join("|")})[\s.↓]*$`, "iu");
/**
 * `bylineReply` backtracks from every digit of the line. A match ends in a reply word and a run of white
 * space, dots and arrows; that run is all the line's trailing run (a reply word ends in a letter), so the
 * word ends where stripping the run stops and fits in the REPLY_UNITS units before.
 */
const replyTail = new RegExp(`(?:${REPLY_WORDS.join("|")})$`, "iu");
const REPLY_UNITS = Math.max(...REPLY_WORDS.map((w) => w.length));
const REPLY_TRAIL = /[\s.↓]/u;
function replyByline(t: string): boolean {
  let end = t.length;
  while (end > 0 && REPLY_TRAIL.test(t[end - 1]!)) end--;
  return replyTail.test(t.slice(Math.max(0, end - REPLY_UNITS), end)) && bylineReply.test(t);
}
/** "6 Kommentare zu “Title”", "12 thoughts on “Title”", "3 réponses à « Titre »": WordPress section heads. */
const countOn = new RegExp(String.raw`^[\s•*·|(]*\d+\s*(?:${[...WEAK, "thoughts", "thought", "réponses", "réponse", "antworten", "respuestas", "risposte", "respostas", "ответов", "ответа", "ردود"].join("|")})\s+(?:on|to|about|zu|sur|à|a|para|su|sobre|op|do|на|к|على)\s+\S`, "iu");
const RELATIVE_TIME = String.raw`\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|sekunden?|minuten?|stunden?|tagen?|wochen?|monaten?|monat|jahren?|jahr|secondes?|heures?|jours?|semaines?|mois|ans?|segundos?|minutos?|horas?|días?|semanas?|meses|mes|años?|secondi|minuti|ore|giorni|settimane|mesi|anni|dakika|saat|gün|hafta|ay|yıl|секунд\S*|минут\S*|час\S*|дн\S*|недел\S*|месяц\S*|год\S*|лет|ثوان|دقائق|دقيقة|ساعات|ساعة|أيام|يوم|أسابيع|أشهر|شهر|سنوات|سنة|秒|分钟?|小时|時間|天|日|周|週間|个?月|か月|年)`;
/** Comment bylines: "3 days ago", "vor 2 Stunden", "il y a 5 jours", "1 Monat her", "منذ 3 أيام", "2 часа назад", "3天前". */
const relativeTime = new RegExp(String.raw`^[\s•*·|]*(?:(?:vor|il y a|hace|há|fa|منذ)\s+${RELATIVE_TIME}|${RELATIVE_TIME}\s*(?:ago|her|fa|önce|назад|前|전))[\s.]*$`, "iu");
/** A date with a clock time ("13 Dezember, 2015 um 01:10", "March 3, 2019 at 4:12 pm"): a comment stamp. */
const stamp = new RegExp(String.raw`^[\s•*·|]*[\p{L}\d.,/ -]{4,30}\s(?:at|um|à|a las|alle|às|в|في)\s+\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr|h))?[\s.]*$`, "iu");
/** The clock time `stamp` cannot match without; scanning for it is cheap, `stamp` backtracks. */
const STAMP_CLOCK = /\d[:.h]\d{2}/iu;
/**
 * The date forms of bylines ("21.04.2020", "21. April 2020", "March 3, 2019", "2020-04-21", "2020年4月21日").
 * Here: a short line holding both a date and a clock time ("Heidemarie Heim | Di, 21. April 2020 - 16:40").
 */
export const DATE = /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?\s+\p{L}{3,}\.?,?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日/u;
/** A byline names someone: a word of three letters besides the date (a log or table row has none). */
const NAME_WORD = /\p{L}{3,}/u;
const TIME = /(?:^|[^\d])\d{1,2}:\d{2}(?:[^\d]|$)/u;
const DIGIT = /\d/u;
/** "Kritischer Kritiker sagt:", "Jane says:", "Paul a dit :": WordPress comment heads. */
const SAYS_VERBS = ["says", "said", "sagt", "schreibt", "schrieb", "dit", "a dit", "dice", "dijo", "diz", "disse", "zegt", "pisze", "говорит", "пишет", "يقول", "كتب"];
const SAYS_TAIL = String.raw`\s(?:${SAYS_VERBS.join("|")})\s*:?\s*$`;
const says = new RegExp(String.raw`^[\s•*·|]*(?:\d+\.\s*)?[\p{L}\d ._'-]{2,40}` + SAYS_TAIL, "iu");
/**
 * Cheap test before `says`, whose name part backtracks at every place of every line (a fifth of
 * commentEvidence's time). A match of `says` ends in a match of SAYS_TAIL: a space, a verb, then white
 * space and a colon. Strip those from the end of the line; the space and the verb are the last
 * SAYS_TAIL_UNITS units or fewer before that point, so the tail regex on the line's last units from
 * there finds them whenever `says` would.
 */
const saysTail = new RegExp(SAYS_TAIL, "iu");
const SAYS_TAIL_UNITS = 1 + Math.max(...SAYS_VERBS.map((v) => v.length));
const SPACE = /\s/u;
function saysHead(t: string): boolean {
  let end = t.length;
  while (end > 0 && SPACE.test(t[end - 1]!)) end--;
  if (t[end - 1] === ":") end--;
  while (end > 0 && SPACE.test(t[end - 1]!)) end--;
  return saysTail.test(t.slice(Math.max(0, end - SAYS_TAIL_UNITS))) && says.test(t);
}
const likeButtons = lexicon.wholeLine(["like", "likes", "liken", "likenliken", "gefällt mir", "j'aime", "me gusta", "mi piace", "curtir", "лайк", "إعجاب", "赞", "いいね", "daumen hoch", "daumen runter", "thumbs up", "thumbs down", "upvote", "downvote", "report", "melden", "signaler", "denunciar", "segnala", "пожаловаться", "إبلاغ", "举报", "報告", "report abuse", "flag", "permalink", "kommentare abonnieren", "subscribe to comments", "s'abonner aux commentaires", "suscribirse a los comentarios", "iscriviti ai commenti", "подписаться на комментарии"]);

const formWhole = lexicon.wholeLine(["name", "e-mail", "email", "website", "comment", "nom", "courriel", "site web", "site", "commentaire", "vorname", "webseite", "website-url", "kommentar", "nombre", "correo electrónico", "correo", "sitio web", "comentario", "nome", "sito web", "naam", "imię", "الاسم", "البريد الإلكتروني", "الموقع", "الموقع الإلكتروني", "التعليق", "имя", "сайт", "комментарий", "名前", "メール", "ウェブサイト", "昵称", "邮箱", "网站", "이름", "이메일",
  "post comment", "submit comment", "submit", "send", "publier le commentaire", "envoyer", "kommentar abschicken", "absenden", "publicar comentario", "enviar", "invia commento", "publicar", "إرسال التعليق", "إرسال", "отправить комментарий", "отправить", "发表", "送信", "등록",
  "newest", "oldest", "most voted", "most liked", "best", "top comments", "le plus récent", "le plus ancien", "le plus populaire", "le plus ancien le plus populaire", "plus récents", "plus anciens", "neueste", "älteste", "beste", "meist bewertet", "más reciente", "más antiguo", "más votados", "più recenti", "meno recenti", "mais recentes", "mais antigos", "nieuwste", "oudste", "najnowsze", "najstarsze", "الأحدث", "الأقدم", "الأكثر تصويتا", "новые", "старые", "популярные", "最新", "最早", "最热", "新しい順", "古い順",
  "inline feedbacks", "view all comments", "load more comments", "show more comments", "commentaires en ligne", "afficher tous les commentaires", "voir tous les commentaires", "alle kommentare anzeigen", "weitere kommentare", "ver todos los comentarios", "mostra tutti i commenti", "ver todos os comentários", "عرض كل التعليقات", "عرض جميع التعليقات", "показать все комментарии", "查看全部评论", "すべてのコメントを見る",
  "guest", "invité", "gast", "invitado", "ospite", "convidado", "gość", "زائر", "гость", "游客", "ゲスト",
  "reply", "répondre", "antworten", "responder", "rispondi", "responder", "beantwoorden", "odpowiedz", "yanıtla", "رد", "الرد", "ответить", "回复", "返信", "답글",
  "notification pour", "notify of", "benachrichtigen über", "notificar de", "notifica di", "уведомить о", "إشعار"]);
const formAnywhere = lexicon.anywhere(["your email address will not be published", "your email will not be published", "required fields are marked", "save my name, email, and website", "notify me of follow-up comments", "notify me of new comments", "notify me of new posts", "you must be logged in to post a comment", "votre adresse e-mail ne sera pas publiée", "votre adresse de messagerie ne sera pas publiée", "votre adresse courriel ne sera pas publiée", "les champs obligatoires sont indiqués", "enregistrer mon nom, mon e-mail", "prévenez-moi de tous les nouveaux commentaires", "m'avertir des nouveaux commentaires", "ihre e-mail-adresse wird nicht veröffentlicht", "erforderliche felder sind mit", "meinen namen, meine e-mail-adresse und meine website", "benachrichtige mich über nachfolgende kommentare", "tu dirección de correo electrónico no será publicada", "los campos obligatorios están marcados", "guarda mi nombre, correo electrónico", "avísame por correo de nuevos comentarios", "il tuo indirizzo email non sarà pubblicato", "i campi obbligatori sono contrassegnati", "o seu endereço de e-mail não será publicado", "o seu endereço de email não será publicado", "campos obrigatórios são marcados", "je e-mailadres wordt niet gepubliceerd", "twój adres e-mail nie zostanie opublikowany", "e-posta adresiniz yayınlanmayacak", "لن يتم نشر عنوان بريدك الإلكتروني", "الحقول الإلزامية مشار إليها", "كل الحقول التي عليها علامة", "الحقول المطلوبة", "ваш адрес email не будет опубликован", "обязательные поля помечены", "メールアドレスが公開されることはありません", "邮箱地址不会被公开", "akismet"]);
/** Moderation notices: a line about comments that also speaks of what gets them deleted. */
const moderationTopic = lexicon.anywhere(["comment", "commentaire", "kommentar", "comentario", "commento", "comentário", "reactie", "komentarz", "yorum", "تعليق", "التعليقات", "коммент", "评论", "コメント"]);
const moderationRule = lexicon.anywhere(["moderat", "modér", "offensive", "racist", "raciste", "defamatory", "diffamatoire", "injurieux", "insult", "beleidigend", "rassistisch", "moderiert", "ofensivo", "moderad", "offensiv", "razzist", "مسيئ", "تسيء", "оскорб", "модер", "审核", "不適切"]);
/** "Notify me" boxes that name their target without saying "comments". */
const notifyStart = lexicon.lineStart(["notify me", "benachrichtige mich", "m'avertir", "prévenez-moi", "avísame", "notificami", "notifique-me", "أعلمني", "уведомлять"]);

/**
 * `strong-marker` opens a comment section; `weak-marker` and `form` (notices such as "Your email
 * address will not be published") open one when more evidence follows; `field` (field labels, sort
 * orders, reply buttons: words a share bar or an article header may also hold) and `meta` (comment
 * bylines) only confirm.
 */
export type CommentEvidence = "strong-marker" | "weak-marker" | "form" | "field" | "meta" | undefined;

/** What a line says about comment widgets. Pure: the line text and its
 * local features only (the cleaner caches the answer per distinct line: src/pipeline/line-facts.ts).
 */
export function commentEvidence(text: string, f: LocalFeatures): CommentEvidence {
  if (f.chars === 0 || f.chars > FORM_MAX_CHARS) return undefined;
  const t = lexicon.prepare(normalizeForLexicon(text));
  // Relative times, stamps, counts and bylines all need a digit (\d is the ASCII digits, u flag or
  // not); most lines have none, so one scan for it spares those regexes.
  const digit = DIGIT.test(t);
  if (f.chars <= MARKER_MAX_CHARS) {
    if (strong.test(t) || (strongStart.test(t) && !f.terminal)) return "strong-marker";
    if ((digit && (relativeTime.test(t) || (STAMP_CLOCK.test(t) && stamp.test(t)))) || likeButtons.test(t)) return "meta";
    // A count ("11 Comments") is as often a link in the article header as the head of the section.
    if (weak.test(t) || (digit && count.test(t))) return "weak-marker";
    if (notifyStart.test(t)) return "form";
    if (formWhole.test(t)) return "field";
  }
  if (digit && countOn.test(t) && !f.terminal) return "strong-marker";
  if (f.chars <= BYLINE_MAX_CHARS && ((digit && replyByline(t)) || saysHead(t) || (digit && !f.terminal && TIME.test(t) && DATE.test(t) && NAME_WORD.test(t.replace(DATE, ""))))) return "meta";
  if (formAnywhere.test(t)) return "form";
  if (moderationTopic.test(t) && moderationRule.test(t)) return "form";
  return undefined;
}

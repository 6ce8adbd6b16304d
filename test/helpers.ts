import { cleanDocument } from "../src/index.js";
import type { CleanOptions, LineDecision } from "../src/index.js";

/**
 * Article paragraphs written for these tests (no third-party text), one set per script, so that a line
 * under test sits inside a document that reads like an article.
 */
export const ARTICLE: Readonly<Record<"en" | "fr" | "de" | "es" | "ar" | "ru" | "zh" | "ja", readonly string[]>> = {
  en: [
    "The city council voted on Tuesday to extend the night bus service for another year, after a long debate about the cost of the project and the safety of the drivers who work on it.",
    "Supporters of the plan said that many of the people who use the buses have no other way to get home from work, and that the service had become part of the life of the town.",
    "The mayor said she would ask the regional government to share the cost, and that a report on the first year of the service would be published before the end of the summer.",
  ],
  fr: [
    "Le conseil municipal a voté mardi la prolongation du service de bus de nuit pour une année de plus, après un long débat sur le coût du projet et sur la sécurité des conducteurs.",
    "Les partisans du projet ont rappelé que beaucoup de ceux qui prennent ces bus n'ont pas d'autre moyen de rentrer chez eux après le travail, et que le service fait partie de la vie de la ville.",
    "La maire a indiqué qu'elle demanderait à la région de partager les frais, et qu'un bilan de la première année serait publié avant la fin de l'été.",
  ],
  de: [
    "Der Stadtrat hat am Dienstag beschlossen, den Nachtbus für ein weiteres Jahr fahren zu lassen, nachdem lange über die Kosten des Projekts und die Sicherheit der Fahrer gestritten worden war.",
    "Die Befürworter sagten, dass viele der Menschen, die mit dem Bus fahren, keine andere Möglichkeit haben, nach der Arbeit nach Hause zu kommen, und dass der Dienst zum Leben der Stadt gehört.",
    "Die Bürgermeisterin will nun die Region bitten, sich an den Kosten zu beteiligen, und ein Bericht über das erste Jahr soll noch vor dem Ende des Sommers erscheinen.",
  ],
  es: [
    "El ayuntamiento votó el martes a favor de mantener el autobús nocturno durante un año más, después de un largo debate sobre el coste del proyecto y la seguridad de los conductores.",
    "Los defensores del plan recordaron que muchas de las personas que lo usan no tienen otra forma de volver a casa después del trabajo, y que el servicio ya forma parte de la vida de la ciudad.",
    "La alcaldesa dijo que pedirá a la región que comparta los gastos, y que un informe sobre el primer año se publicará antes del final del verano.",
  ],
  ar: [
    "صوت المجلس البلدي يوم الثلاثاء على تمديد خدمة الحافلات الليلية لمدة عام آخر، بعد نقاش طويل حول تكلفة المشروع وسلامة السائقين الذين يعملون فيه كل ليلة.",
    "وقال المؤيدون إن كثيرا من الناس الذين يستخدمون هذه الحافلات ليس لديهم طريقة أخرى للعودة إلى بيوتهم بعد العمل، وإن الخدمة أصبحت جزءا من حياة المدينة.",
    "وقالت رئيسة البلدية إنها ستطلب من الحكومة الإقليمية أن تشارك في التكلفة، وإن تقريرا عن العام الأول سينشر قبل نهاية الصيف.",
  ],
  ru: [
    "Городской совет во вторник проголосовал за то, чтобы сохранить ночные автобусы ещё на один год, после долгого спора о стоимости проекта и о безопасности водителей, которые на них работают.",
    "Сторонники плана напомнили, что у многих людей, которые ездят на этих автобусах, нет другого способа вернуться домой после работы, и что эта служба уже стала частью жизни города.",
    "Мэр сказала, что попросит областное правительство разделить расходы, и что отчёт о первом годе работы будет опубликован до конца лета.",
  ],
  zh: [
    "市议会周二投票决定将夜间公交服务再延长一年，此前议员们就项目的成本和司机的安全问题进行了长时间的讨论。",
    "支持者表示，许多乘坐这些公交车的人在下班后没有别的办法回家，而且这项服务已经成为了这座城市生活的一部分。",
    "市长说，她将请求地区政府分担费用，并且关于第一年运行情况的报告将在夏天结束之前公布。",
  ],
  ja: [
    "市議会は火曜日、夜間バスの運行をさらに一年延長することを決めた。事業の費用と運転手の安全について、長い議論が行われたあとの決定だった。",
    "賛成した議員たちは、このバスを利用する人の多くには仕事の後に家へ帰るほかの方法がなく、このサービスはすでに町の暮らしの一部になっていると述べた。",
    "市長は、費用の分担を県に求める考えを示し、最初の一年についての報告書を夏の終わりまでに公表すると話した。",
  ],
};
export type Lang = keyof typeof ARTICLE;
export const LANGS = Object.keys(ARTICLE) as Lang[];
/** The script each language stands for in the valid/invalid tables. */
export const SCRIPT: Readonly<Record<Lang, string>> = { en: "Latin", fr: "Latin", de: "Latin", es: "Latin", ar: "Arabic", ru: "Cyrillic", zh: "CJK", ja: "CJK" };

/** A document: the article's first two paragraphs, the line under test, the third paragraph. */
export function inArticle(lang: Lang, line: string): string {
  const [a, b, c] = ARTICLE[lang];
  return `${a}\n\n${b}\n\n${line}\n\n${c}\n`;
}

/** A document: the whole article, then the line under test (and what follows it) at the end. */
export function afterArticle(lang: Lang, ...tail: string[]): string {
  return ARTICLE[lang].join("\n\n") + "\n\n" + tail.join("\n\n") + "\n";
}

/** The decision for the first line whose text equals `text` (trimmed). */
export function decisionOf(doc: string, text: string, options: CleanOptions = {}): LineDecision {
  const d = cleanDocument(doc, options);
  const line = d.lines.find((l) => l.text.trim() === text.trim());
  if (!line) throw new Error(`line not found: ${text}`);
  return line;
}

/** `{detector, reason}` of a removed line, or "kept". */
export function verdict(line: LineDecision): { detector: string; reason: string } | "kept" {
  return line.keep ? "kept" : { detector: line.removal!.detector, reason: line.removal!.reason };
}

/**
 * Paragraph-length news-like texts, written for these tests, each encodable in the legacy encoding
 * it is tested with (KOI8-R has no guillemets or em dash, so the Russian text avoids them). Each
 * repeats a line, so that cleaning removes something and the comparison means more than a copy.
 */
export const TEXTS = {
  "windows-1252": [
    "Le conseil municipal s'est réuni jeudi soir pour débattre du budget de l'année prochaine. Les élus de l'opposition ont critiqué la hausse prévue des impôts locaux, jugée « inacceptable » pour les ménages les plus modestes.",
    "",
    "Partager sur Facebook",
    "",
    "Le maire a défendu ses choix en rappelant que la rénovation des écoles et la création d'une crèche coûteraient près de deux millions d'euros. « Nous ne pouvons pas reporter ces travaux indéfiniment », a-t-il déclaré à la presse.",
    "",
    "Partager sur Facebook",
    "",
  ].join("\n"),
  "windows-1256": [
    "اجتمع مجلس المدينة مساء الخميس لمناقشة ميزانية العام المقبل. وانتقد أعضاء المعارضة الزيادة المتوقعة في الضرائب المحلية، معتبرين أنها غير مقبولة بالنسبة للأسر ذات الدخل المحدود.",
    "",
    "شارك على فيسبوك",
    "",
    "ودافع رئيس البلدية عن خياراته مذكرا بأن تجديد المدارس وإنشاء دار حضانة سيكلفان نحو مليوني يورو. وقال إننا لا نستطيع تأجيل هذه الأشغال إلى ما لا نهاية.",
    "",
    "شارك على فيسبوك",
    "",
  ].join("\n"),
  "koi8-r": [
    "Городской совет собрался в четверг вечером, чтобы обсудить бюджет на следующий год. Представители оппозиции раскритиковали запланированное повышение местных налогов, назвав его неприемлемым для малообеспеченных семей.",
    "",
    "Поделиться в соцсетях",
    "",
    "Мэр защитил своё решение, напомнив, что ремонт школ и строительство детского сада обойдутся почти в два миллиона евро. \"Мы не можем откладывать эти работы бесконечно\", - заявил он журналистам.",
    "",
    "Поделиться в соцсетях",
    "",
  ].join("\n"),
  gb18030: [
    "市议会星期四晚上召开会议，讨论明年的预算。反对派议员批评了计划中的地方税上调，认为这对低收入家庭来说是不可接受的。",
    "",
    "分享到微博",
    "",
    "市长为自己的决定辩护，他提醒说，学校翻新和新建一所托儿所将花费近两百万欧元。他说：“我们不能无限期地推迟这些工程。”",
    "",
    "分享到微博",
    "",
  ].join("\n"),
} as const;

export type LegacyEncoding = keyof typeof TEXTS;

import type { LocalFeatures } from "../pipeline/features.js";
import { alternation, LEAD, Lexicon, literalStart, normalizeForLexicon, TAIL } from "./lexicon-util.js";
import type { DetectorMeta } from "./types.js";

/**
 * Site chrome recognised from vocabulary that whole families of sites share (CMS themes, share widgets,
 * consent banners), in many languages. Each family is a reason id. Whole-line phrases only fire on short
 * lines, so an article sentence that mentions "newsletter" or "Facebook" is never touched.
 */
export const meta: DetectorMeta = {
  id: "chrome",
  description: "Share bars, follow/subscribe prompts, cookie and legal notices, login links, previous/next and related-article teasers, breadcrumbs, tags, counters, copyright lines and ad labels, by multilingual vocabulary.",
  languages: ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "ar", "ru", "zh", "ja", "ko"],
  reasons: {
    share: "share buttons and social network names",
    follow: "follow-us prompts",
    newsletter: "newsletter and subscribe prompts",
    cookie: "cookie banners, privacy and legal links",
    login: "login, register and account links",
    "prev-next": "previous / next article links",
    related: "related / read-also / check-also headers",
    breadcrumb: "breadcrumb trails",
    tags: "tag and category lists",
    counter: "view, share and reading-time counters, bare numbers",
    copyright: "copyright and all-rights-reserved footers",
    ad: "advertisement labels",
    navigation: "skip links, menu, search, back-to-top, more",
    credit: "photo and image credits (\"Foto: dpa\", \"Name/Shutterstock.com\", \"© Name\" without a year)",
    teaser: "a link to another article glued to its head (\"Read more: …\", \"Lesen Sie auch: …\")",
    "about-author": "the head of an author box (\"About the author\", \"Über den Autor\")",
  },
};

/** Menu items and buttons are short; 80 characters holds "Share on Facebook" in any language with room. */
export const CHROME_MAX_CHARS = 80;
/** Prefix and anywhere rules (glued prev/next teasers, tag lists, cookie banners) reach further. */
export const CHROME_LONG_MAX_CHARS = 400;

/** "Get the Boing Boing newsletter", "Spektrum.de Newsletter": a box title is a few words. */
export const NEWSLETTER_MAX_CHARS = 60;
/** A credit line names a photographer or agency; a caption sentence is longer. */
export const CREDIT_MAX_CHARS = 60;

/** The vocabulary of this detector, behind one gate (see Lexicon). */
export const lexicon = new Lexicon();

const NETWORKS = ["facebook", "فيسبوك", "فيس بوك", "تويتر", "واتساب", "تيليجرام", "تلغرام", "لينكدإن", "فейсбук", "фейсбук", "твиттер", "телеграм", "ватсап", "脸书", "推特", "フェイスブック", "ツイッター", "はてなブックマーク", "twitter", "x", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "e-mail", "email", "mail", "print", "imprimer", "drucken", "imprimir", "stampa", "copy link", "copier le lien", "link kopieren", "messenger", "flipboard", "tumblr", "xing", "vk", "вконтакте", "одноклассники", "instagram", "youtube", "tiktok", "threads", "bluesky", "mastodon", "rss", "weibo", "wechat", "line", "微信", "微博", "google+", "pocket", "sms", "viber", "snapchat", "طباعة", "печать", "kakaotalk"];
const SHARE_VERBS = ["teilen sie dies mit", "sharen mit", "teile dies mit", "mit anderen teilen", "den artikel mit anderen teilen/diskutieren", "share this with", "share with", "partagez ceci", "gefällt ihnen dieser artikel?", "did you like this article?", "did you enjoy this article?", "vous avez aimé cet article ?", "¿te ha gustado este artículo?", "ti è piaciuto questo articolo?", "هل أعجبك المقال؟", "понравилась статья?", "share this:", "like this:", "teilen mit", "gefällt mir:", "empfiehl dies deinen freunden", "diesen beitrag teilen", "teile diesen beitrag", "beitrag teilen", "partager :", "partager ceci", "compartir esto", "condividi questo articolo", "compartilhe", "flattr this", "поделитесь", "شارك هذا", "分享本文", "share", "share this", "share this article", "share this story", "share article", "share on", "share via", "shares", "tweet", "pin it", "partager", "partagez", "partager sur", "partager cet article", "teilen", "artikel teilen", "teilen auf", "beitrag teilen", "compartir", "compartir en", "comparte", "condividi", "condividi su", "compartilhar", "partilhar", "delen", "udostępnij", "paylaş", "dela", "del", "jaa", "sdílet", "podijeli", "podeli", "поделиться", "شارك", "مشاركة", "شارك على", "انشر", "分享", "分享到", "シェア", "シェアする", "共有", "공유", "공유하기"];
const share = lexicon.lineStart(
  [...SHARE_VERBS, ...NETWORKS],
  TAIL.replace(/\$$/, "") + String.raw`(?:\s*[|,/•·]?\s*(?:${NETWORKS.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}))*[\s:.!|•·]*$`,
);
const follow = lexicon.wholeLine(["follow us", "follow", "follow us on", "suivez-nous", "suivez nous", "suivez-nous sur", "folgen sie uns", "folge uns", "folgen", "síguenos", "síguenos en", "seguici", "seguici su", "siga-nos", "volg ons", "obserwuj nas", "takip et", "تابعونا", "تابعنا", "تابعنا على", "подписывайтесь", "мы в соцсетях", "关注我们", "フォローする", "팔로우"]);
const newsletter = lexicon.wholeLine(["stay up to date", "stay informed", "bleiben sie auf dem laufenden", "bleib auf dem laufenden", "restez informé", "restez informés", "mantente informado", "rimani aggiornato", "fique por dentro", "будьте в курсе", "ابق على اطلاع", "pour lire la suite", "to continue reading", "continue reading", "subscribe to continue reading", "zum weiterlesen", "para seguir leyendo", "per continuare a leggere", "abonniere unseren newsletter", "newsletter bestellen", "zum newsletter anmelden", "inscrivez-vous à la newsletter", "abonnez-vous à notre newsletter", "suscríbete a nuestra newsletter", "iscriviti alla nostra newsletter", "assine nossa newsletter", "schrijf je in voor de nieuwsbrief", "zapisz się do newslettera", "подпишитесь на рассылку", "اشترك في النشرة البريدية", "订阅我们的新闻", "subscribe", "subscribe now", "subscribe to our newsletter", "sign up for our newsletter", "sign up", "newsletter", "get our newsletter", "s'abonner", "abonnez-vous", "je m'abonne", "inscrivez-vous à notre newsletter", "recevez notre newsletter", "newsletter abonnieren", "jetzt abonnieren", "abonnieren", "abonnement", "suscríbete", "suscribirse", "suscríbete a nuestro boletín", "boletín", "iscriviti", "iscriviti alla newsletter", "assine", "assine a newsletter", "inscreva-se", "aanmelden", "abonneren", "zapisz się", "subskrybuj", "abone ol", "اشترك", "اشترك الآن", "النشرة البريدية", "النشرة الإخبارية", "подписаться", "подпишитесь", "подписка", "订阅", "立即订阅", "購読", "購読する", "구독", "구독하기"]);
const cookieLong = lexicon.anywhere(["cookie", "cookies", "ملفات تعريف الارتباط", "الكوكيز", "файлы cookie", "クッキー", "쿠키"]);
const cookieVerb = lexicon.anywhere(["use", "accept", "consent", "agree", "utilis", "accepte", "consentement", "verwende", "akzeptier", "zustimm", "einwillig", "utiliza", "usamos", "acept", "consentimiento", "utilizz", "accett", "gebruik", "akkoord", "używa", "akceptuj", "zgod", "kullan", "используе", "соглас", "принять", "نستخدم", "يستخدم", "موافق", "使用", "同意", "利用", "사용"]);
const legal = lexicon.wholeLine(["disclaimer", "haftungsausschluss", "haftungsbeschränkung", "haftungsbeschränkung für externe links", "vervielfältigung nur mit genehmigung", "avertissement", "aviso legal", "avvertenze", "isenção de responsabilidade", "отказ от ответственности", "إخلاء المسؤولية", "免责声明", "免責事項", "privacy policy", "privacy", "privacy settings", "cookie policy", "cookie settings", "manage cookies", "terms of use", "terms of service", "terms and conditions", "terms", "imprint", "legal notice", "legal", "accessibility", "contact us", "about us", "advertise", "careers", "impressum", "datenschutz", "datenschutzerklärung", "datenschutz-einstellungen", "agb", "nutzungsbedingungen", "kontakt", "barrierefreiheit", "politique de confidentialité", "mentions légales", "conditions générales d'utilisation", "conditions générales", "cgu", "nous contacter", "contactez-nous", "qui sommes-nous", "política de privacidad", "política de cookies", "aviso legal", "términos y condiciones", "contacto", "informativa sulla privacy", "note legali", "contatti", "política de privacidade", "privacybeleid", "polityka prywatności", "gizlilik politikası", "سياسة الخصوصية", "شروط الاستخدام", "اتصل بنا", "من نحن", "политика конфиденциальности", "пользовательское соглашение", "контакты", "隐私政策", "用户协议", "联系我们", "关于我们", "プライバシーポリシー", "利用規約", "お問い合わせ", "개인정보처리방침", "이용약관"]);
const login = lexicon.wholeLine(["log in", "login", "sign in", "log out", "logout", "sign out", "register", "create an account", "create account", "my account", "account", "se connecter", "connexion", "s'inscrire", "créer un compte", "mon compte", "anmelden", "einloggen", "registrieren", "abmelden", "mein konto", "login / registrieren", "iniciar sesión", "regístrate", "registrarse", "mi cuenta", "accedi", "registrati", "entrar", "cadastre-se", "minha conta", "inloggen", "registreren", "zaloguj", "zaloguj się", "zarejestruj się", "giriş yap", "üye ol", "تسجيل الدخول", "تسجيل دخول", "إنشاء حساب", "حسابي", "войти", "вход", "регистрация", "зарегистрироваться", "登录", "注册", "ログイン", "会員登録", "로그인", "회원가입"]);
const prevNext = lexicon.lineStart(["previous article", "next article", "previous post", "next post", "previous story", "next story", "older post", "newer post", "older posts", "newer posts", "article précédent", "article suivant", "vorheriger artikel", "nächster artikel", "vorheriger beitrag", "nächster beitrag", "artículo anterior", "artículo siguiente", "siguiente artículo", "noticia anterior", "siguiente noticia", "entrada anterior", "entrada siguiente", "articolo precedente", "articolo successivo", "artigo anterior", "próximo artigo", "post anterior", "próximo post", "vorige artikel", "volgende artikel", "poprzedni artykuł", "następny artykuł", "önceki haber", "sonraki haber", "المقال السابق", "المقال التالي", "الخبر السابق", "الخبر التالي", "المقالة السابقة", "المقالة التالية", "الموضوع السابق", "الموضوع التالي", "предыдущая статья", "следующая статья", "предыдущая новость", "следующая новость", "предыдущая запись", "следующая запись", "上一篇", "下一篇", "前の記事", "次の記事", "이전 기사", "다음 기사", "이전글", "다음글"]);
const prevNextShort = lexicon.wholeLine(["vorheriges", "nächstes", "vorheriger", "nächster", "previous post", "next post", "older", "newer", "älter", "neuer", "plus ancien", "plus récent", "previous", "next", "précédent", "suivant", "zurück", "weiter", "anterior", "siguiente", "precedente", "successivo", "próximo", "vorige", "volgende", "السابق", "التالي", "назад", "далее", "上一页", "下一页", "前へ", "次へ"]);
const related = lexicon.wholeLine(["related coverage", "more coverage", "weitere themen", "mehr zum thema:", "sur le même thème", "más sobre este tema", "altri articoli", "см. также", "مزيد من الأخبار", "ähnliche beiträge", "ähnliche artikel", "das könnte dich auch interessieren", "das thema könnte dich auch interessieren", "dich könnte auch interessieren", "empfohlene artikel", "you may also be interested in", "related posts", "more from this author", "entradas relacionadas", "artículos relacionados", "articoli simili", "posts relacionados", "artigos relacionados", "gerelateerde artikelen", "podobne artykuły", "benzer haberler", "похожие записи", "مقالات مشابهة", "موضوعات ذات صلة", "相关推荐", "関連する記事", "related", "related articles", "related posts", "related stories", "related news", "related content", "related topics", "read also", "read more", "read next", "more to read", "see also", "check also", "also read", "you may also like", "you might also like", "recommended", "recommended for you", "most read", "most popular", "most viewed", "trending", "trending now", "more stories", "more news", "latest news", "top stories", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "sur le même sujet", "articles similaires", "à lire également", "les plus lus", "dans la même rubrique", "lesen sie auch", "lesen sie mehr", "auch interessant", "mehr zum thema", "das könnte sie auch interessieren", "weitere artikel", "meistgelesen", "meistgelesene artikel", "verwandte artikel", "weiterlesen", "lee también", "lea también", "te puede interesar", "noticias relacionadas", "más noticias", "lo más leído", "leer más", "seguir leyendo", "leggi anche", "potrebbe interessarti", "articoli correlati", "leggi di più", "leia também", "veja também", "notícias relacionadas", "leia mais", "lees ook", "lees meer", "zie ook", "czytaj też", "czytaj także", "czytaj więcej", "zobacz też", "zobacz także", "ilgili haberler", "devamını oku", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ المزيد", "مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة", "الأكثر قراءة", "ذات صلة", "читайте также", "читайте еще", "смотрите также", "похожие статьи", "похожие новости", "по теме", "самое читаемое", "читать далее", "相关文章", "相关新闻", "相关阅读", "延伸阅读", "推荐阅读", "热门文章", "阅读更多", "関連記事", "あわせて読みたい", "おすすめ記事", "人気記事", "続きを読む", "관련기사", "관련 기사", "많이 본 뉴스"]);
const HOME = ["home", "accueil", "startseite", "inicio", "portada", "home page", "página inicial", "pagina iniziale", "strona główna", "ana sayfa", "الرئيسية", "الصفحة الرئيسية", "главная", "首页", "ホーム", "홈"];
const breadcrumbHome = lexicon.lineStart(HOME, String.raw`\s*(?:[»›>/|:]|→)`);
const tagsWhole = lexicon.wholeLine(["tags", "schlagworte", "schlagwörter", "stichworte", "themen in diesem artikel", "themen", "étiquettes", "mots-clés", "etiquetas", "temas", "argomenti", "tag", "etichette", "trefwoorden", "tagi", "etiketler", "теги", "метки", "الوسوم", "وسوم", "标签", "タグ", "태그"]);
const tagsPrefix = lexicon.lineStart(["tags", "tag", "tagged", "tagged with", "topics", "topic", "themen", "thema", "schlagwörter", "schlagworte", "stichwörter", "étiquettes", "mots-clés", "mots clés", "catégories", "catégorie", "categories", "category", "filed under", "posted in", "kategorien", "kategorie", "rubrik", "etiquetas", "temas", "categorías", "categoría", "argomenti", "etichette", "categorie", "marcadores", "trefwoorden", "tagi", "tematy", "kategoria", "etiketler", "الوسوم", "وسوم", "الكلمات المفتاحية", "التصنيفات", "التصنيف", "теги", "метки", "рубрики", "рубрика", "标签", "タグ", "태그"]);
const tagsSuffix = /^\s*[:：]/u;
const NUMBER = String.raw`\d[\d\s.,]*[kKmM]?`;
const bareNumber = new RegExp(String.raw`^[\s•*·|()\[\]]*${NUMBER}[\s%]*$`, "u");
const VIEW_WORDS = ["views", "view", "reads", "vues", "lectures", "aufrufe", "mal gelesen", "gelesen", "visualizaciones", "vistas", "lecturas", "visualizzazioni", "letture", "visualizações", "weergaven", "wyświetleń", "okunma", "مشاهدة", "مشاهدات", "قراءة", "زيارة", "просмотров", "просмотра", "просмотры", "阅读", "浏览", "次阅读", "閲覧", "조회", "shares", "partages", "likes", "j'aime"];
const viewsAfter = new RegExp(String.raw`^[\s•*·|]*${NUMBER}\s*(?:${VIEW_WORDS.join("|")})[\s:.]*$`, "iu");
const viewsBefore = new RegExp(String.raw`^[\s•*·|]*(?:${VIEW_WORDS.join("|")})\s*[:：]?\s*${NUMBER}$`, "iu");
const readingTime = lexicon.anywhere(["min read", "minute read", "minutes read", "min. read", "reading time", "temps de lecture", "min de lecture", "minutes de lecture", "lesezeit", "lesedauer", "min. lesezeit", "minuten lesezeit", "tiempo de lectura", "min de lectura", "minutos de lectura", "tempo di lettura", "min di lettura", "tempo de leitura", "leestijd", "czas czytania", "okuma süresi", "دقائق للقراءة", "دقيقة للقراءة", "время чтения", "мин чтения", "阅读时间", "分で読めます"]);
const copyrightStart = /^\s*(?:©|\(c\)|copyright|℗)/iu;
const copyrightAny = lexicon.anywhere(["all rights reserved", "some rights reserved", "all right reserved", "tous droits réservés", "alle rechte vorbehalten", "todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados", "alle rechten voorbehouden", "wszelkie prawa zastrzeżone", "tüm hakları saklıdır", "جميع الحقوق محفوظة", "كافة الحقوق محفوظة", "все права защищены", "版权所有", "版權所有", "無断転載", "무단 전재"]);
/** Newsletter boxes in any wording: a short line naming the newsletter, not a sentence about it. */
const newsletterWord = lexicon.anywhere(["newsletter", "infolettre", "boletín", "nieuwsbrief", "biuletyn", "bülten", "рассылк", "النشرة البريدية", "النشرة الإخبارية", "邮件订阅", "メルマガ", "뉴스레터"]);
/** E-mail capture: "Enter your email address to subscribe…", "Geben Sie Ihre E-Mail-Adresse ein". */
const emailCapture = lexicon.lineStart(["enter your email", "enter your e-mail", "your email address", "sign up to receive", "geben sie ihre e-mail", "bitte geben sie ihre e-mail", "gib deine e-mail", "deine e-mail-adresse", "ihre e-mail-adresse", "entrez votre adresse", "entrez votre e-mail", "saisissez votre adresse", "votre adresse e-mail", "introduce tu correo", "introduce tu email", "ingresa tu correo", "tu correo electrónico", "inserisci la tua email", "inserisci il tuo indirizzo", "digite seu e-mail", "insira seu e-mail", "vul je e-mailadres", "podaj swój adres", "e-posta adresinizi", "введите ваш email", "введите адрес", "أدخل بريدك", "ادخل بريدك", "请输入您的邮箱", "メールアドレスを入力"]);
const subscribeBlog = lexicon.anywhere(["subscribe to this blog", "receive notifications of new posts", "notifications of new posts by email", "neue beiträge per e-mail", "benachrichtigungen über neue beiträge", "um diesem blog zu folgen", "pour suivre ce blog", "notifications des nouveaux articles", "recibir notificaciones de nuevas entradas", "per ricevere notifiche di nuovi articoli", "receber notificações de novas publicações", "получать уведомления о новых записях"]);
/** WordPress post footers: "This entry was posted in … Bookmark the permalink." */
const postedIn = lexicon.anywhere(["this entry was posted in", "bookmark the permalink", "dieser eintrag wurde veröffentlicht in", "lesezeichen auf den permalink", "setze ein lesezeichen auf den permalink", "cet article a été publié dans", "ajoutez ce permalien", "esta entrada fue publicada en", "guarda el enlace permanente", "questa voce è stata pubblicata in", "aggiungi ai preferiti il permalink", "esta entrada foi publicada em", "эта запись опубликована в", "добавить в закладки ссылку"]);
/**
 * "© dtv Verlag", "© DTB", "© Reuters" under a picture: a holder's name with no year is the picture's
 * credit, which stands between an article's paragraphs; a footer's notice carries its year ("© 2024
 * Example Media") or its reservation of rights. On the dev set the 2 such lines read as footer
 * copyright had cut the article region before a last paragraph (trafilatura-eval, 2 snippets).
 */
export const COPYRIGHT_CREDIT_MAX_WORDS = 4;
const DIGIT = /\d/u;
/** Photo credits: "Foto: Name", "Photo: AFP", "Bild: dpa", "Crédit photo : …". */
const photoCredit = lexicon.lineStart(["beitragsbild", "featured image", "titelbild", "image d'illustration", "imagen de archivo", "bild via", "foto via", "photo via", "image via", "foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "image:", "images:", "credit:", "credits:", "photo credit:", "crédit photo", "crédits photo", "© photo", "foto ©", "fotografía:", "immagine:", "фото:", "الصورة:", "صورة:", "图片来源", "写真:"]);
const bareTime = /^[\s•*·|]*(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:uhr|am|pm|a\.m\.|p\.m\.|h|hrs|utc|gmt|mez|cet|et|pt)?|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:,?\s+\d{1,2}[:.]\d{2}\s*(?:uhr|am|pm|h)?)?)[\s.]*$/iu;
const ad = lexicon.wholeLine(["affiliate link", "affiliatelink", "affiliate-link", "werbelink", "zum shop", "jetzt kaufen", "buy now", "shop now", "acheter", "comprar", "acquista", "купить", "اشتر الآن", "立即购买", "今すぐ購入", "advertisement", "advertising", "advert", "sponsored", "sponsored content", "ad", "ads", "paid content", "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "publicidade", "advertentie", "reklama", "reklam", "إعلان", "اعلان", "реклама", "广告", "広告", "광고", "scroll to continue", "scroll to continue with content", "continue reading below", "weiter nach der anzeige", "la suite après la publicité", "la suite après cette publicité", "story continues below advertisement", "article continues below"]);
const navigation = lexicon.wholeLine(["back to home", "back to homepage", "back to the homepage", "zurück zur startseite", "zur startseite", "retour à l'accueil", "volver al inicio", "torna alla home", "voltar ao início", "العودة إلى الرئيسية", "на главную", "返回首页", "トップへ戻る", "contact", "kontakt", "contacto", "contatti", "contato", "контакты", "اتصل بنا", "联系", "archive", "archives", "from the archive", "from our archive", "archiv", "aus dem archiv", "archives du site", "dans les archives", "archivo", "del archivo", "archivio", "dall'archivio", "arquivo", "archief", "archiwum", "arşiv", "архив", "из архива", "الأرشيف", "من الأرشيف", "أرشيف", "存档", "归档", "アーカイブ", "보관함", "skip to content", "skip to main content", "skip to navigation", "jump to content", "back to top", "go to top", "to top", "top", "menu", "main menu", "open menu", "close menu", "toggle navigation", "navigation", "search", "search for", "suche", "suchen", "rechercher", "recherche", "buscar", "búsqueda", "cerca", "pesquisar", "zoeken", "szukaj", "ara", "بحث", "поиск", "搜索", "検索", "검색", "close", "schließen", "fermer", "cerrar", "chiudi", "fechar", "sluiten", "zamknij", "إغلاق", "закрыть", "关闭", "閉じる", "닫기", "aller au contenu", "aller au menu", "zum inhalt springen", "zum inhalt", "ir al contenido", "vai al contenuto", "home", "accueil", "startseite", "inicio", "portada", "الرئيسية", "главная", "首页", "ホーム", "홈", "more", "mehr", "plus", "más", "altro", "mais", "meer", "więcej", "المزيد", "ещё", "еще", "更多", "もっと見る", "더보기", "load more", "show more", "mehr anzeigen", "afficher plus", "voir plus", "ver más", "mostra altro", "ver mais", "toon meer", "показать еще", "查看更多", "all news", "alle nachrichten", "toutes les actualités", "todas las noticias", "كل الأخبار", "все новости", "top of page", "print this page", "listen", "anhören", "écouter", "escuchar", "استمع", "слушать", "audio", "video", "photo", "photos", "gallery", "galerie", "galería", "صور", "фото", "视频", "動画"]);

/**
 * Section heads over teaser lists, in any wording: a "more / other / latest / related" word and an
 * "articles / stories / news / topics" word within a few words ("Weitere Beiträge aus der Kolumne",
 * "Recent Stories", "Die meistgelesenen Artikel", "Otras noticias"), or the noun first with a "related /
 * similar" word after it, as Romance languages write it ("Temas relacionados", "Articoli correlati").
 */
export const SECTION_HEAD_MAX_CHARS = 50;
/** A head may end with a colon; a sentence ends with a stop. */
const SENTENCE_END = /[.!?…。！？؟]["'”»)\]]*\s*$/u;
const SECTION_LEAD = ["more", "other", "latest", "recent", "related", "similar", "popular", "top", "recommended", "further", "more from", "mehr", "weitere", "weiterführende", "verwandte", "ähnliche", "neueste", "neuste", "letzte", "aktuelle", "beliebte", "empfohlene", "meistgelesene", "meistgelesenen", "meist gelesene", "meist gelesenen", "passende", "andere", "mehr zum", "autres", "derniers", "dernières", "otras", "otros", "más", "últimas", "últimos", "altre", "altri", "ultime", "ultimi", "outras", "outros", "mais", "últimas", "meer", "andere", "laatste", "inne", "więcej", "najnowsze", "ostatnie", "diğer", "son", "другие", "ещё", "еще", "последние", "популярные", "похожие", "أحدث", "المزيد من", "آخر"];
const SECTION_NOUN = ["articles", "article", "stories", "story", "news", "posts", "topics", "headlines", "links", "reads", "artikel", "beiträge", "themen", "thema", "nachrichten", "meldungen", "informationen", "infos", "links", "kolumnen", "geschichten", "texte", "actualités", "actus", "sujets", "infos", "nouvelles", "publications", "noticias", "artículos", "temas", "notas", "entradas", "publicaciones", "articoli", "notizie", "storie", "temi", "notícias", "artigos", "matérias", "artikelen", "berichten", "nieuws", "artykuły", "wiadomości", "tematy", "wpisy", "haberler", "yazılar", "статьи", "новости", "материалы", "записи", "публикации", "مقالات", "الأخبار", "أخبار", "المقالات", "مواضيع"];
const SECTION_AFTER = ["relacionados", "relacionadas", "similares", "similaires", "liés", "liées", "correlati", "correlate", "simili", "recientes", "récents", "récentes", "recentes", "populaires", "populares", "powiązane", "podobne", "zum thema", "ذات صلة", "مشابهة"];
const DET_WORDS = ["the", "die", "les", "los", "las", "le", "la", "gli", "i", "os", "as", "de", "het"];
const DET = String.raw`(?:(?:${DET_WORDS.join("|")})\s+)?`;
const NEXT = String.raw`(?=[\s:：.!?…»›>|()\[\]\-–—*\d]|$)`;
const sectionHead = lexicon.custom(
  new RegExp(
    `${LEAD}${DET}(?:(?:${alternation(SECTION_LEAD)})\\s+(?:\\S+\\s+){0,2}(?:${alternation(SECTION_NOUN)})|(?:${alternation(SECTION_NOUN)})\\s+(?:${alternation(SECTION_AFTER)}))${NEXT}`,
    "iu",
  ),
  [...DET_WORDS, ...SECTION_LEAD, ...SECTION_NOUN],
  true,
);
/** "Read more: Title of another story", "LE PUEDE INTERESAR: …": a related-articles head glued to a teaser. */
const relatedColon = lexicon.lineStart(["read more", "read also", "also read", "related", "see also", "more", "lesen sie auch", "auch lesen", "mehr zum thema", "lire aussi", "à lire aussi", "voir aussi", "lee también", "lea también", "le puede interesar", "te puede interesar", "leggi anche", "leia também", "veja também", "lees ook", "czytaj też", "czytaj także", "zobacz też", "zobacz także", "читайте также", "اقرأ أيضا", "اقرأ أيضاً", "相关阅读", "関連記事"], String.raw`\s*[:：]\s*\S`);
/** "Über den Autor", "About the author": the head of the author box that ends an article. */
const aboutAuthor = lexicon.wholeLine(["about the author", "about the authors", "über den autor", "über die autorin", "über die autoren", "zur person", "zum autor", "zur autorin", "à propos de l'auteur", "l'auteur", "sobre el autor", "sobre la autora", "l'autore", "sull'autore", "sobre o autor", "over de auteur", "o autorze", "yazar hakkında", "об авторе", "عن الكاتب", "نبذة عن الكاتب", "关于作者", "作者简介", "著者について", "この記事を書いた人", "기자 소개"]);
/** Affiliate disclosures: "As an Amazon Associate I earn from qualifying purchases", "Für Links auf dieser Seite erhält X eine Provision". */
const affiliate = lexicon.anywhere(["amazon associate", "amazon services llc", "amazon-partner", "amazon partner", "qualifying purchases", "affiliate link", "affiliate-link", "affiliatelinks", "affiliate links", "affiliate disclosure", "advertising disclosure", "partnerlinks", "provisionslinks", "liens affiliés", "lien affilié", "liens d'affiliation", "enlaces de afiliados", "enlaces de afiliado", "link di affiliazione", "link affiliati", "links de afiliados", "linki afiliacyjne", "партнерские ссылки", "партнёрские ссылки", "روابط تابعة", "アフィリエイト"]);
const commissionWord = lexicon.anywhere(["provision", "commission", "comisión", "commissione", "comissão", "prowizj", "комисси", "عمولة"]);
const thisSite = lexicon.anywhere(["auf dieser seite", "auf unserer seite", "on this site", "on this page", "on our site", "sur ce site", "sur cette page", "en este sitio", "en esta página", "su questo sito", "neste site", "nesta página", "na tej stronie", "на этом сайте", "على هذا الموقع"]);
/** Stock and agency photo credits standing alone: "TebNad/Shutterstock.com", "AFP / MARCO BERTORELLO", "iStock.com". */
const AGENCIES = ["shutterstock", "istock(?:photo)?", String.raw`getty\s?images`, "fotolia", String.raw`adobe\s?stock`, "unsplash", "pixabay", "pexels", "depositphotos", "123rf", "dreamstime", "alamy", "imago", "picture[ -]alliance", "dpa", "afp", "reuters", "epa", "keystone", "ap photo", "agencja gazeta", "east news", "flickr", "wikimedia commons", "тасс", "риа новости"];
const agency = lexicon.custom(new RegExp(String.raw`(?:^|[^\p{L}])(?:${AGENCIES.join("|")})(?:\.com)?(?![\p{L}])`, "iu"), AGENCIES.map(literalStart), false);
export const AGENCY_CREDIT_MAX_WORDS = 8;
/** A newsletter box speaks of "our newsletter"; an article sentence about a newsletter rarely does. */
const ourWord = lexicon.anywhere(["our", "unser", "unsere", "unseren", "unserem", "notre", "nos", "nuestro", "nuestra", "nuestros", "nostra", "nostro", "nossa", "nosso", "onze", "nasz", "naszego", "naszym", "наш", "нашу", "нашей", "نشرتنا"]);
const inbox = lexicon.anywhere(["your inbox", "in dein postfach", "in ihr postfach", "in deinen posteingang", "in ihren posteingang", "dans votre boîte", "dans ta boîte", "en tu bandeja", "en su bandeja", "en tu correo", "nella tua casella", "nella tua email", "na sua caixa", "no seu e-mail", "na twoją skrzynkę", "в ваш почтовый ящик", "на вашу почту", "إلى بريدك", "到您的邮箱"]);
const alreadySubscriber = lexicon.anywhere(["already a subscriber", "already subscribed", "bereits abonnent", "schon abonnent", "déjà abonné", "ya eres suscriptor", "ya soy suscriptor", "sei già abbonato", "já é assinante", "jesteś już subskrybentem", "уже подписчик", "مشترك بالفعل"]);
export const CTA_MAX_CHARS = 250;

/**
 * An author's bio: a name and a role ("Perry Bacon Jr. is a senior writer for …", "Moritz Gathmann leitet
 * das Ressort …"), or a role first ("Freier Autor in Berlin …"). Article sentences look alike ("Jane Doe is a
 * professor at Yale"), so the pipeline removes a bio only when no article text follows it.
 */
const ROLE = ["writer", "reporter", "journalist", "editor", "correspondent", "columnist", "contributor", "author", "professor", "founder", "co-founder", "expert", "consultant", "producer", "analyst", "fellow", "researcher", "blogger", "autor", "autorin", "redakteur", "redakteurin", "journalistin", "korrespondent", "korrespondentin", "kolumnist", "kolumnistin", "experte", "expertin", "gründer", "gründerin", "ressort", "chefredakteur", "chefredakteurin", "journaliste", "rédacteur", "rédactrice", "correspondant", "correspondante", "chroniqueur", "chroniqueuse", "auteur", "autrice", "periodista", "redactor", "redactora", "corresponsal", "columnista", "autora", "giornalista", "redattore", "redattrice", "corrispondente", "autore", "autrice", "jornalista", "dziennikarz", "dziennikarka", "redaktor", "redaktorka", "autorka", "historyczka", "historyk", "журналист", "журналистка", "корреспондент", "редактор", "обозреватель", "автор", "كاتب", "كاتبة", "صحفي", "صحفية", "مراسل", "محرر", "记者", "编辑", "作者", "記者", "編集"];
/**
 * The role is followed by where or for whom the person works ("writer for", "Redakteurin bei", "professor
 * at"), or ends the clause: "der betroffene Professor bekannt" is a sentence about someone, not a bio.
 */
const roleWord = new RegExp(`(?<![\\p{L}-])(?:${alternation(ROLE)})(?:\\s+(?:at|for|of|with|in|on|who|bei|für|von|der|des|an|am|im|beim|und|and|de|du|chez|en|et|qui|di|del|della|y|que|e|che|w|z|в|из|и|который|которая|في|لدى|و)\\s|\\s*[,.;:]|\\s*$)`, "iu");
const NAME = String.raw`(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}`;
const bioStart = new RegExp(String.raw`^\s*${NAME}(?:is|was|ist|war|leitet|schreibt|arbeitet|est|es|è|é|jest|był|была|был|—|–)\s`, "u");
/** A role first, then where the person works: "Freier Autor in Berlin", "Senior Editor with a focus on …". */
const ROLE_ADJECTIVES = ["freier", "freie", "freelance", "senior", "staff", "free-lance"];
const roleStart = lexicon.custom(
  new RegExp(`^\\s*(?:(?:${ROLE_ADJECTIVES.join("|")})\\s+)?(?:${alternation(ROLE)})\\s+(?:in|at|bei|für|for|with|of|aus|de|du|chez|en|di|da|w|z|в|с|из|في|لدى|ب)\\s`, "iu"),
  [...ROLE_ADJECTIVES, ...ROLE],
  true,
);
export const BIO_MAX_CHARS = 400;
/** The role stands within this many characters after the verb. */
const BIO_ROLE_WITHIN = 80;
export function authorBio(text: string, f: LocalFeatures): boolean {
  if (f.chars > BIO_MAX_CHARS || f.chars === 0) return false;
  const t = lexicon.prepare(normalizeForLexicon(text));
  const m = bioStart.exec(t);
  // The role follows the verb ("X is a senior writer"); before it, it is a title in an article sentence
  // ("DFV-Experte Carsten Schneider war dabei").
  return (m !== null && roleWord.test(t.slice(m[0].length, m[0].length + BIO_ROLE_WITHIN))) || roleStart.test(t);
}

/** Share bars glued into one line by the dump ("Email ThisBlogThis!Share to TwitterShare to Facebook"). */
const NETWORK_NAMES = ["facebook", "twitter", "pinterest", "whatsapp", "linkedin", "telegram", "reddit", "tumblr", "flipboard", "xing", "instagram", "youtube", "tiktok", "threads", "bluesky", "mastodon", "فيسبوك", "فيس بوك", "تويتر", "واتساب", "تيليجرام", "تلغرام", "إنستغرام", "انستغرام", "يوتيوب", "фейсбук", "твиттер", "телеграм", "вконтакте", "ютуб", "脸书", "推特", "微博", "微信"];
/** Global: counted with String#match, so only its gate is asked (mayMatch), never its stateful test. */
const networkName = lexicon.custom(new RegExp(NETWORK_NAMES.join("|"), "giu"), NETWORK_NAMES, false);
/** How many network names the prepared line holds. */
function networkCount(t: string): number {
  return networkName.mayMatch(t) ? (t.match(networkName.regex)?.length ?? 0) : 0;
}
export const GLUED_SHARE_MAX_CHARS = 120;
export const GLUED_SHARE_MIN_NETWORKS = 3;
/** "Siguenos en Telegram, Instagram …", "Follow The Gleaner on Twitter …": a follow prompt in a sentence names a network. */
const followStart = lexicon.lineStart(["follow us", "follow", "suivez-nous", "suivez nous", "folgen sie uns", "folge uns", "síguenos", "siguenos", "seguici", "siga-nos", "sigam-nos", "volg ons", "obserwuj nas", "подписывайтесь на нас", "تابعونا", "تابعنا", "关注我们"]);
/** App promotions: "Download the X apps for iOS and Android", "Get the latest news straight to your phone with the X app". */
const appDownload = lexicon.anywhere(["download our", "download the", "get our app", "get the app", "lade dir die", "laden sie die", "hol dir die", "hol dir unsere", "téléchargez l'application", "téléchargez notre", "descarga la app", "descarga nuestra", "descargá la", "scarica l'app", "scarica la nostra", "baixe o app", "baixe nosso", "pobierz aplikację", "скачайте приложение", "حمّل تطبيق", "حمل تطبيق", "下载客户端", "アプリをダウンロード"]);
const appWord = lexicon.anywhere(["app", "ios", "android", "application", "aplicación", "aplicativo", "aplikac", "приложени", "تطبيق", "客户端", "アプリ"]);
const appStraight = lexicon.anywhere(["straight to your phone", "direkt aufs handy", "directement sur votre téléphone", "directo a tu teléfono", "direttamente sul tuo telefono"]);
/** Paywalls and support appeals: "To view the full story, please subscribe", "We rely on your support". */
const subscribeWord = lexicon.anywhere(["subscribe", "subscription", "abonnier", "abonnement", "abonnez", "suscríb", "suscripción", "abbonat", "abbonamento", "assine", "assinatura", "subskryp", "подпис", "подпиш", "اشترك", "订阅", "購読"]);
const paywallObject = lexicon.anywhere(["full story", "full article", "read the full", "continue reading", "unlimited access", "digital access", "weekly pass", "annual subscription", "ganzen artikel", "vollständigen artikel", "weiterlesen", "l'article complet", "la suite", "artículo completo", "seguir leyendo", "articolo completo", "matéria completa", "całego artykułu", "полный текст", "القصة كاملة"]);
const supportAppeal = lexicon.anywhere(["rely on your support", "support our journalism", "support local journalism", "support independent journalism", "support quality journalism", "unterstützen sie unseren journalismus", "unterstütze unseren journalismus", "unabhängigen journalismus unterstützen", "soutenez notre journalisme", "soutenez-nous", "apoya nuestro periodismo", "apoya el periodismo", "hazte miembro", "hazte socio", "sostieni il giornalismo", "apoie o jornalismo", "wesprzyj nasze dziennikarstwo", "поддержите нашу редакцию", "ادعم الصحافة"]);
/** Prompts to log in before doing something: "Melde dich jetzt an, um …", "Please log in here to leave a comment". */
const loginPrompt = lexicon.anywhere(["melde dich jetzt an", "melde dich an, um", "log in to", "log in here to", "login to", "sign in to", "register to", "du musst eingeloggt sein", "müssen sie angemeldet sein", "connectez-vous pour", "inicia sesión para", "regístrate para", "accedi per", "faça login para", "zaloguj się, aby", "войдите, чтобы", "سجل الدخول ل"]);
export const PROMPT_MAX_CHARS = 200;
/** "Zurück zur Übersicht", "Back to the list": a link back to an index page, not a headline ("Zurück zur Normalität"). */
const backTo = lexicon.lineStart(["zurück zur", "zurück zum", "zurück zu", "back to", "back to the", "retour à la", "retour au", "retour aux", "volver a la", "volver al", "torna alla", "torna al", "voltar para", "voltar à", "terug naar", "powrót do", "вернуться к", "назад к", "العودة إلى"], String.raw`\s+(?:der\s+|den\s+|the\s+)?(?:übersicht|startseite|liste|listenansicht|lexikon|suche|suchergebnissen|archiv|blog|newsroom|overview|list|results|search|homepage|index|category|news|blog|articles|article|liste|accueil|sommaire|recherche|lista|inicio|portada|índice|elenco|lista|início|overzicht|listy|списку|главной|القائمة)(?=[\s.!:»›>|]|$)`);
/** Section labels over teaser boxes, without a noun: "Für dich empfohlen", "Meist gesucht:", "Trending on …". */
const boxLabel = lexicon.wholeLine(["für dich empfohlen", "für sie empfohlen", "empfohlen für dich", "empfohlener redaktioneller inhalt", "meist gesucht", "meistgesucht", "viel gelesen", "meist gelesen", "themen im artikel", "kurz notiert", "entdecken sie jetzt", "sie wollen mehr von uns?", "lust auf mehr?", "recommended for you", "editor's picks", "editors' picks", "recommandé pour vous", "recomendado para ti", "recomendados", "consigliati per te", "recomendado para você", "polecane", "рекомендуем", "نوصي به", "为你推荐"]);
const boxLabelStart = lexicon.lineStart(["trending on", "trending in", "viel gelesen in", "meist gelesen in", "mehr aus", "more from", "más de", "plus de la rubrique", "altro da", "mais de"]);
const tocHead = lexicon.wholeLine(["inhaltsverzeichnis", "inhalt", "table of contents", "contents", "sommaire", "table des matières", "índice", "contenido", "indice", "sommario", "índice", "inhoud", "spis treści", "содержание", "оглавление", "المحتويات", "目录", "目次", "목차"]);
const tagsMarked = lexicon.lineStart(["markiert mit", "getaggt mit", "verschlagwortet mit", "tagged with", "tagged as", "étiqueté", "etiquetado con", "etichettato con"]);
export const BOX_LABEL_MAX_CHARS = 40;
/** "More from NBC's TODAY:" introduces a quotation inside the article; "More from Relationships" heads a box. */
const INTRO_COLON = /[:：]\s*$/u;

/** The chrome family a line belongs to, or undefined. Pure: the line text and its
 * local features only (the cleaner caches the answer per distinct line: src/pipeline/line-facts.ts).
 */
export function chromeReason(text: string, f: LocalFeatures): string | undefined {
  if (f.chars === 0 || f.chars > CHROME_LONG_MAX_CHARS) return undefined;
  const t = lexicon.prepare(normalizeForLexicon(text));
  if (f.chars <= CHROME_MAX_CHARS) {
    // Each counter pattern needs a digit (\d is the ASCII digits, u flag or not): most lines have none.
    if (DIGIT.test(t) && (bareNumber.test(t) || bareTime.test(t) || viewsAfter.test(t) || viewsBefore.test(t))) return "counter";
    if (share.test(t)) return "share";
    if (follow.test(t)) return "follow";
    if (tocHead.test(t)) return "navigation";
    if (f.chars <= BOX_LABEL_MAX_CHARS && !SENTENCE_END.test(t) && (boxLabel.test(t) || (boxLabelStart.test(t) && !INTRO_COLON.test(t)))) return "related";
    if (tagsMarked.test(t)) return "tags";
    if (backTo.test(t) && !SENTENCE_END.test(t)) return "navigation";
    if (newsletter.test(t) || (newsletterWord.test(t) && !f.terminal && f.chars <= NEWSLETTER_MAX_CHARS)) return "newsletter";
    if (photoCredit.test(t) && f.chars <= CREDIT_MAX_CHARS) return "credit";
    if (legal.test(t)) return "cookie";
    if (login.test(t)) return "login";
    if (prevNextShort.test(t)) return "prev-next";
    if (related.test(t)) return "related";
    if (tagsWhole.test(t)) return "tags";
    if (ad.test(t)) return "ad";
    if (navigation.test(t)) return "navigation";
    if (readingTime.test(t)) return "counter";
    if (aboutAuthor.test(t)) return "about-author";
    if (f.chars <= SECTION_HEAD_MAX_CHARS && !SENTENCE_END.test(t) && sectionHead.test(t)) return "related";
    if (!f.terminal && f.words <= AGENCY_CREDIT_MAX_WORDS && agency.test(t) && (f.words <= 3 || /[/©|:]/u.test(t) || t === t.toUpperCase())) return "credit";
  }
  if (relatedColon.test(t) && !SENTENCE_END.test(t)) return "teaser";
  if (f.chars <= CTA_MAX_CHARS && ((newsletterWord.test(t) && ourWord.test(t)) || inbox.test(t) || alreadySubscriber.test(t))) return "newsletter";
  if (affiliate.test(t) || (commissionWord.test(t) && thisSite.test(t))) return "ad";
  if (f.chars <= PROMPT_MAX_CHARS) {
    if ((followStart.test(t) && networkCount(t) >= 1) || (appDownload.test(t) && appWord.test(t)) || appStraight.test(t)) return "follow";
    if ((subscribeWord.test(t) && paywallObject.test(t)) || supportAppeal.test(t)) return "newsletter";
    if (loginPrompt.test(t)) return "login";
  }
  if (f.chars <= GLUED_SHARE_MAX_CHARS && f.words <= 2 * GLUED_SHARE_MIN_NETWORKS + 6 && networkCount(t) >= GLUED_SHARE_MIN_NETWORKS) return "share";
  if (prevNext.test(t)) return "prev-next";
  if (emailCapture.test(t) || subscribeBlog.test(t)) return "newsletter";
  if (postedIn.test(t)) return "tags";
  if (breadcrumbHome.test(t) && !f.terminal) return "breadcrumb";
  if (tagsPrefix.test(t) && tagsSuffix.test(t.replace(tagsPrefix.regex, ""))) return "tags";
  if (copyrightStart.test(t) && !copyrightAny.test(t) && f.words <= COPYRIGHT_CREDIT_MAX_WORDS && !DIGIT.test(t)) return "credit";
  if (copyrightStart.test(t) || copyrightAny.test(t)) return "copyright";
  if (cookieLong.test(t) && cookieVerb.test(t)) return "cookie";
  return undefined;
}

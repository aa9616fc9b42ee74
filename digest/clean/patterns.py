"""Junk families as patterns over one short block of text.

Each family is a name (the `Removal.rule` that ends up in the manifest) and a test on one
block. The tests look at the *shape* of the block (a price next to a ticker symbol, a label
alone on its line, a call to action with its verb and object) rather than at literal strings
from any one site, so other wording, other tickers and other layouts are caught too.
Only short blocks are tested: junk is short, and long blocks are where real sentences live.
"""

from __future__ import annotations

import re

IC = re.IGNORECASE

# ── market tickers ───────────────────────────────────────────────────────────
_NUM = r"\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PRICE = rf"(?:[$€£¥₹]|US\$|HK\$|RMB|CNY|USD)?\s?(?:{_NUM})(?:\s?[KMBkmb万亿元])?"
_CHANGE = rf"[(\[]?\s?(?:[▲▼↑↓+\-−–]|涨|跌|上涨|下跌|涨幅|跌幅)?\s?(?:{_NUM})\s?%?\s?[)\]]?"
# a quote's unit after the price: 美元/盎司, 元/克, USD/oz, 点, bbl
_UNIT = r"(?:\s?(?:[\u4e00-\u9fff]{1,2}/[\u4e00-\u9fff]{1,2}|点|USD/oz|/oz|/bbl|bp))?"
_INDEX_NAMES = (r"S&P(?:\s?500)?|Dow(?:\s+Jones)?|Nasdaq(?:\s+Composite)?|FTSE(?:\s?100)?|DAX|"
                r"CAC(?:\s?40)?|Nikkei(?:\s?225)?|Hang\s+Seng|CSI\s?300|Shanghai\s+Composite|"
                r"Shenzhen\s+Component|Euro\s?Stoxx(?:\s?50)?|Russell\s?2000|KOSPI|Sensex|ASX\s?200|"
                r"TSX|VIX|Gold|Silver|Brent(?:\s+Crude)?|WTI(?:\s+Crude)?|Crude\s+Oil|"
                r"10-?Y(?:ea)?r?\s+(?:Treasury|Yield)")
_CN_NAME = r"[\u4e00-\u9fff]{2,8}(?:指数|指)?\d{0,3}(?:\s?[(（]?[A-Z]{2,6}[)）]?)?"
_SYMBOL_NAME = (rf"(?:{_INDEX_NAMES})"
                r"|[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3}\s*\(\s?[A-Z0-9.]{1,10}\s?\)"
                r"|[A-Z]{2,6}(?:[./:][A-Z]{1,5})?"
                rf"|{_CN_NAME}")
_TICKER_ATOM = rf"(?:{_SYMBOL_NAME})\s*[:：]?\s*{_PRICE}{_UNIT}(?:\s*{_CHANGE}){{0,2}}"
_TICKER_BODY = rf"(?:{_TICKER_ATOM})(?:\s*[|·•,;/]?\s*(?:{_TICKER_ATOM}))*\s*[|·•]?"
TICKER_LINE = re.compile(rf"^{_TICKER_BODY}$")
# an FX pair alone: "USD/CNY 7.2431", "EUR/USD 1.0842 -0.12%"
_FX_BODY = (rf"(?:[A-Z]{{3}}\s?/\s?[A-Z]{{3}}|[\u4e00-\u9fff]{{1,4}}\s?/\s?"
            rf"[\u4e00-\u9fff]{{1,4}})\s*[:：]?\s*(?:{_NUM})(?:\s*{_CHANGE})?")
FX_LINE = re.compile(rf"^{_FX_BODY}$")
# either, with the whitespace around the line: what every block the ticker family takes
# matches (classify.py: its openings)
TICKER_OR_FX = re.compile(rf"^\s*(?:{_TICKER_BODY}|{_FX_BODY})\s*$")

# ── labels that stand alone on their line ────────────────────────────────────
AD_LABEL = re.compile(
    r"^[\s\-–—\[(|]*(?:advertisement|advertising|advert|ad|ads|sponsored(?: content| post| links?)?|"
    r"paid (?:content|post|partnership)|promoted(?: content)?|partner content|"
    r"story continues below(?: advertisement)?|continue reading below|anzeige|"
    r"广告|推广|赞助内容)\s*[:：]?[\s\-–—\])|]*$", IC)
SPONSORED = re.compile(
    r"^(?:sponsored|advertisement|paid (?:content|partner(?:ship)?)|partner content|"
    r"promoted|广告|推广)\s*(?:by\s+[^:：]{1,40})?\s*[:：|\-–—]", IC)

# ── calls to action ──────────────────────────────────────────────────────────
SUBSCRIBE = re.compile(
    r"\b(?:subscribe\b|sign[ -]?up|sign me up|get (?:our|the|new|daily|weekly)\b[^.]{0,60}"
    r"\b(?:newsletter|posts|brief(?:ing)?|digest|updates|stories)|newsletter|in your inbox|"
    r"to your inbox|by email|delivered (?:daily|weekly|free)|join [\d,.]+\s*(?:k\s+)?\w+)", IC)
SUBSCRIBE_CONTEXT = re.compile(
    r"\b(?:free|newsletter|inbox|email|e-mail|today|now|weekly|daily|every (?:week|day|weekday)|"
    r"a week|a month|per (?:week|month)|\$\s?\d|£\s?\d|€\s?\d|join|readers|subscribers|tips|"
    r"sign in|log in)\b|[$£€]\s?\d", IC)
# the sign-up box's own messages, kept when the form around them is stripped
SIGNUP_WIDGET = re.compile(
    r"(?:^thanks?(?: you)? for (?:signing up|subscribing|registering)|^keep an eye on your inbox|"
    r"^check your inbox|processing your (?:subscription|request|sign-?up)|^enter your (?:e-?mail|"
    r"email address)|^(?:your )?e-?mail address\b.{0,40}$|^please enter a valid e-?mail|"
    r"^invalid e-?mail|^you(?:'re| are) (?:now )?(?:subscribed|signed up|on the list))", IC)
PAYWALL = re.compile(
    r"(?:subscribe (?:now )?to (?:continue|keep) reading|to continue reading|this (?:article|story|"
    r"content) is (?:for|available to|exclusive to) (?:subscribers|members)|already a "
    r"(?:subscriber|member)|unlock (?:this|the full|full) (?:article|story)|subscribe to read|"
    r"you have reached your (?:free )?article limit|(?:create|register for) a free account to "
    r"(?:read|continue)|订阅后(?:阅读|查看)|付费(?:阅读|内容))", IC)
FOLLOW = re.compile(
    r"(?:\bfollow (?:us|me|@\w+|\w+ news)\b[^.]{0,40}\b(?:on|at|via)\b|\blike us on facebook\b|"
    r"\bjoin (?:us|our \w+ (?:channel|group|community)) on\b|"
    r"\b(?:follow|join) (?:us|our) (?:on )?(?:twitter|x|facebook|telegram|discord|whatsapp|"
    r"linkedin|instagram|youtube|tiktok|threads|mastodon)\b|"
    r"点击(?:上方|下方|蓝字)?(?:关注|订阅)|关注我们|扫码关注|关注(?:公众号|微信)|"
    r"(?:打开|下载|安装)\s?(?:app|APP|App|客户端)|app内(?:阅读|查看)|APP内(?:阅读|查看))", IC)

# ── rows of page furniture ───────────────────────────────────────────────────
_SOCIAL = (r"facebook|twitter|x|linkedin|email|e-mail|mail|whatsapp|telegram|reddit|pinterest|"
           r"mastodon|hacker news|threads|bluesky|flipboard|pocket|copy(?: the)? link|print|"
           r"sms|messenger|weibo|wechat|微博|微信|qq|tumblr|share|tweet|comments?|save|gift")
# (the separators possessive: a space between two names could go to either side of the
# boundary, and a row of names that fails at its end, "Share: Facebook Facebook … !", was
# tried every way: 2^n. No name opens on a separator, so taking them all never loses a match.)
SHARE_ROW = re.compile(
    rf"^(?:share(?: this| the)?(?: article| story| post| page| on)?|分享(?:到)?|"
    rf"spread the word)\s*[:：]?(?:\s*+(?:{_SOCIAL})\b[\s,|·•]*+)*$", IC)
SOCIAL_ONLY = re.compile(rf"^(?:(?:{_SOCIAL})\b[\s,|·•/]*){{2,}}$", IC)
# page tools, alone or in a row ("Print | E-mail | Font size: A+ A-", "打印 | 字号：大 中 小")
_TOOL_WORDS = (
    r"print(?:er[- ]friendly)?(?: this)?(?: article| page| story| version)?",
    r"e-?mail(?: this)?(?: article| story| page| to a friend)?", r"send to (?:a )?friend",
    r"save(?: article| for later| story)?", r"bookmark", r"gift(?: this)? article",
    r"listen(?: to (?:this )?article)?", r"reprints?(?: (?:&|and) permissions)?",
    r"(?:font|text)(?: size)?\s*[:：]?(?:\s*[aA][+\-]?)*", r"[aA][+\-]", r"[aA]\s?[aA]",
    r"larger", r"smaller", r"reset", r"comments?", r"share",
    r"打印(?:本页|此文)?", r"收藏", r"字号\s*[:：]?(?:\s*[大中小])*", r"[大中小]", r"关闭(?:窗口)?",
    r"推荐给朋友", r"转发", r"分享",
)
_TOOL = "(?:" + "|".join(_TOOL_WORDS) + ")"
TOOLS = re.compile(rf"^{_TOOL}(?:\s*[|·•/,]?\s*{_TOOL}){{0,8}}\s*[|·•]?$", IC)
# one word in the row must be a real tool, not only "share" or a size letter
TOOL_CORE = re.compile(r"print|e-?mail|font|text size|bookmark|reprint|save|listen|friend|"
                       r"打印|字号|收藏|关闭", IC)
TAG_ROW = re.compile(
    r"^(?:tagged(?: with| in)?|tags?|topics?|filed (?:under|in)|categor(?:y|ies)|keywords|"
    r"标签|关键词|关键字)\s*[:：]", IC)
SLASH_ROW = re.compile(r"^[\s/|·•,]+$")
BACK_TO_TOP = re.compile(
    r"^(?:[↑⬆▲^]\s*)?(?:back to (?:the )?top|scroll to top|to top|top of page|回到顶部|返回顶部|"
    r"返回首页)\s*[↑⬆▲^]?$", IC)
READ_MORE = re.compile(
    r"^(?:read more|read also|also read|more reading|related(?: articles?| stories| posts?| "
    r"coverage| reading| content)?|see also|more on this(?: story| topic)?|more from [\w ]{1,30}|"
    r"read next|up next|next (?:article|story|post)|previous (?:article|story|post)|"
    r"you (?:may|might) also (?:like|enjoy)|recommended(?: for you| reading| stories)?|"
    r"popular (?:posts|stories|articles)|most (?:read|popular|viewed)|trending(?: now)?|"
    r"editor'?s picks|further reading|what to read next|dive deeper|"
    r"(?:our )?(?:latest|more|top) (?:stories|news|articles|headlines)(?: from [\w ]{1,30})?|"
    r"(?:partner|sponsored) (?:news|stories|content|links)|from (?:our|the) partners|"
    r"around the web|"
    r"相关阅读|相关文章|相关新闻|延伸阅读|推荐阅读|猜你喜欢|热门文章|更多(?:阅读|精彩)?)"
    r"\s*(?:[:：>»|\-–—]|$)", IC)
COMMENTS = re.compile(
    r"^(?:\d[\d,]*\s+(?:comments?|responses?|replies|reactions)|comments?\s*\(\d+\)|"
    r"(?:leave|post|add|write) a (?:comment|reply)|view comments|show comments|join the "
    r"(?:conversation|discussion)|no comments(?: yet)?|\d+\s*条评论|评论\s*\(?\d*\)?|发表评论|"
    r"comments?\s*[:：]\s*\d+|(?:view|show|read|see) (?:all )?[\d,]+ comments?|"
    r"[\d,]+ comments? on\b.{1,120}|[\d,]+ (?:comments?|replies)\s*[|·•]\s*.{0,40}|"
    r"跟帖\s*[:：]?\s*\d+|\d+\s*人(?:参与|评论|跟帖)|(?:网友)?评论\s*[:：]\s*\d+)\.?$",
    IC)
BACK_LINKS = re.compile(r"^(?:next|previous|prev|older|newer)(?: post| article| story)?\s*[:»›→]")

# ── bylines, bios, credits ───────────────────────────────────────────────────
AUTHOR_BIO = re.compile(
    r"^(?:about the author\b|about [A-Z][a-z]+ [A-Z][a-z]+$|"
    r"[A-Z][\w'’\-]+(?: [A-Z][\w'’.\-]+){1,3} (?:is|was|has been) (?:a|an|the) "
    r"(?:[\w\-]+ ){0,4}(?:reporter|writer|journalist|editor|correspondent|contributor|columnist|"
    r"freelancer|author|analyst)\b)", IC)
EDITOR_CREDIT = re.compile(
    r"^[（(【\[]?\s*(?:责任编辑|责编|编辑|校对|审核|作者|记者|撰文|文|图)\s*[:：|丨]?\s*"
    r"[\u4e00-\u9fff·A-Za-z\s、]{1,20}[）)】\]]?$")
BYLINE = re.compile(r"^(?:by|written by|words by|story by)\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}"
                    r"(?:\s*(?:[,·|•]|and)\s*.{0,60})?$", IC)
# A bare label ("Photo: Reuters") only where a label stands: at the block's start or after a
# sentence; mid-sentence, "… in videos: TikTok is …" or "Has nice images: …" is prose. With a
# credit word ("Image credit:", "Photo via:") anywhere.
_PICTURE = (r"(?:(?:featured |lead |header |cover |top )?(?:image|photo|picture|pic|illustration|"
            r"graphic|video|photograph|footage|screenshot)s?)")
IMAGE_CREDIT = re.compile(
    rf"(?:(?:^|[.!?)]\s+|\()\s*{_PICTURE}\s*[:：]|"
    rf"(?:^|[.\s(]){_PICTURE}\s*(?:source|credits?|courtesy|by|via)\s*[:：]|"
    r"(?:image|photo|picture)\s+(?:source|credit|courtesy)\b|"
    r"(?:photo|image)s? courtesy of|图片来源|图源|图片由|来源：视觉中国|摄影\s*[:：])", IC)
# a named photographer: "Photo by Jane Doe", "(Photo: J. Doe/Reuters)", 记者 李明 摄, 图/李明
PHOTOGRAPHER = re.compile(
    r"(?:^(?:photo(?:graph)?s?|pictures?|images?|video)\s+(?:by|courtesy of)\s+[A-Z]|"
    r"[(（](?:photo|image|picture|pic)s?\s*[:：/]\s*[^)）]{2,80}[)）]\.?$|"
    r"(?:记者|通讯员|摄影记者|特约摄影|摄影|实习生)\s*[\u4e00-\u9fff·]{2,6}"
    r"(?:\s*[、，,和]\s*[\u4e00-\u9fff·]{2,6})*\s*[/／]?\s*摄\s*[)）]?\s*$|"
    r"^\s*[(（]?\s*[\u4e00-\u9fff·]{2,6}\s*摄\s*[)）]?\s*$|^图\s*[/／|丨]\s*[\u4e00-\u9fff·]{2,8}$)",
    IC)
CREDIT_TAIL = re.compile(r"(?:getty images|shutterstock|adobe stock|istock(?:photo)?|unsplash|"
                         r"pexels|reuters|ap photo|afp|xinhua|视觉中国|新华社)\s*\)?\.?$", IC)
EMBED_DEBRIS = re.compile(
    r"(?:frameborder\s*=|allowfullscreen|allow\s*=\s*[\"“”″']?\s*accelerometer|"
    r"referrerpolicy\s*=|<\s*/?\s*(?:iframe|embed|script|blockquote class)|"
    r"(?:width|height)\s*=\s*[\"“”″']\d+[\"“”″']\s+(?:width|height)\s*=|"
    r"clipboard-write;\s*encrypted-media|picture-in-picture)", IC)
_ATTR = re.compile(r"[\w\-:]+\s*=\s*[\"“”″'][^\"“”″']{0,300}[\"“”″']|[\w\-]+\s*=\s*\S+")
# a CSS class or breakpoint name left as a line of text ("medium-browser-and-portrait-tablet")
CSS_TOKEN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$")
# a short "click here" line: a link prompt, never a sentence of the article
CLICK_HERE = re.compile(
    r"(?:^(?:click|tap) here(?: for\b.{0,60})?[.!:]?$|\bby (?:clicking|tapping) here\.?$|\b(?:click|tap) here to "
    r"(?:get|download|install|sign up|subscribe|read|learn|see|watch|listen|follow|join)\b)", IC)
WATCH_PROMO = re.compile(r"^(?:watch|watch now|video|listen|podcast|视频|观看)\s*[:：|\-–—]\s*\S", IC)

# ── footers and disclaimers ──────────────────────────────────────────────────
SYNDICATION = re.compile(
    r"(?:\bthe post\b.{1,300}\bappeared first on\b|\bappeared first on\b|"
    # "originally published" of this piece ("This page was originally published on …", a
    # block that opens "Originally published …"), not of a book the article mentions
    r"\b(?:this|the) (?:article|story|post|blog post|piece|page|essay|column|interview|report)"
    r"\b[^.]{0,40}?\boriginally (?:published|posted|appeared) (?:on|in|at|by)\b|"
    r"^\W*(?:(?:it|this) was )?originally (?:published|posted|appeared) (?:on|in|at|by)\b|"
    r"\bfirst (?:published|appeared) on\b|"
    r"\b(?:this|the) (?:article|story|post|piece) (?:was|is|has been) (?:originally )?"
    r"(?:re)?(?:published|printed|posted) (?:by|from|with permission|under|on)\b|"
    r"\brepublished (?:with permission|under a creative commons)|"
    r"本文(?:来源|转载|首发)|转载(?:自|请注明)|原文(?:首发|链接))", IC)
# An outlet promoting itself by name ("Check out CoinGeek's coverage on …", "X is your trusted
# source for …"): no article says that about its own topic, so it counts in a long block too.
_OUTLET_PROMO = (
    r"\bcheck out [A-Z][\w.]*['’]s? (?:coverage|guide|reviews?|latest|full|other|in-depth)\b|"
    r"\b(?:follow|visit|read) [A-Z][\w.]*['’]s? (?:coverage|latest news|website)\b|"
    r"\b(?:is|are) your (?:most )?(?:trusted|go-to|number one|no\. 1|#1|leading|premier|"
    r"reliable|best) (?:source|destination|place)\b")
OUTLET_PROMO = re.compile(_OUTLET_PROMO, IC)
# ... and the first-person kind ("check out our guide", "download our app"), which a long
# paragraph of the article may say in passing: families.py looks for it in short blocks only
# (after OUTLET_PROMO, so it leaves the outlet's own branches to that)
SELF_PROMO = re.compile(
    r"(?:\bcheck out our (?:coverage|guide|reviews?|latest|full|other|in-depth)\b|"
    r"\bfor (?:the latest|more) (?:news|updates|coverage|stories) (?:on|about|from)\b[^.]{0,60}"
    r"\b(?:visit|follow|subscribe|check)\b|\bdownload (?:our|the \w+) app\b|"
    r"\bfollow (?:all )?(?:of )?our (?:live |full |"
    r"ongoing )?(?:coverage|reporting) (?:of|on)\b|\bfor (?:all )?our (?:latest )?(?:coverage|"
    r"reporting) (?:of|on)\b[^.]{0,60}\b(?:click|see|go to|visit|here)\b)", IC)
# membership and donation appeals inside the body
APPEAL = re.compile(
    r"(?:\bsupport (?:independent|local|quality|nonprofit|non-profit|fearless|our|"
    r"[A-Z][\w.]*['’]s)\b[^.]{0,40}\b(?:journalism|reporting|newsroom)\b|"
    r"(?:^|[.!?]\s+|[:–—]\s*)(?:please )?(?:become an? (?:member|supporter|patron|insider)\b"
    r"(?! of)|(?:donate|make a (?:donation|contribution|gift))\b)|\breaders like you\b|"
    r"\b(?:our|this) (?:journalism|reporting) (?:is|relies|depends)\b[^.]{0,40}"
    r"\b(?:readers|support|you)\b)", IC)
# market disclaimers: a labelled one, or one that reads like the small print on risk
DISCLAIMER_LABEL = re.compile(
    r"^[【\[(]?\s*(?:disclaimer|legal disclaimer|risk (?:warning|disclosure|disclaimer|notice)|"
    r"investment (?:risk )?warning|important (?:notice|information)|disclosure)\s*[】\])]?\s*[:：\-–—]",
    IC)
RISK_CUES = (
    re.compile(r"\bnot (?:be )?(?:construed as |considered |intended as )?(?:financial|investment|"
               r"trading|legal|tax) advice\b|\bdoes not constitute\b", IC),
    re.compile(r"\bhigh[- ]risk\b|\bhighly (?:volatile|speculative)\b|\bspeculative\b", IC),
    re.compile(r"\b(?:do|conduct) (?:your|their) own (?:research|due diligence)\b|\bdyor\b", IC),
    re.compile(r"\bpast performance\b|\b(?:could|may|might) lose (?:some|all|part)\b|"
               r"\bcapital (?:is )?at risk\b|\brisk of (?:loss|losing)\b", IC),
    re.compile(r"\b(?:consult|seek advice from) (?:a|an|your) (?:\w+ )?(?:financial|investment|"
               r"independent) ?(?:adviser|advisor|professional)\b|\bfor (?:general )?"
               r"information(?:al)? purposes only\b", IC),
    re.compile(r"(?:投资|市场|入市|股市)有风险|风险自担|高风险"),
    re.compile(r"(?:入市|投资)需?谨慎|不构成(?:任何)?投资建议|据此操作|仅供参考"),
)
COPYRIGHT = re.compile(
    r"(?:^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|版权所有|版权声明|"
    r"^免责声明|^风险提示|^声明\s*[:：])", IC)
# The site's own disclosure, not an article about affiliate marketing ("track sales through
# affiliate links" is the topic): the links are this page's, or the commission is ours.
DISCLOSURE = re.compile(
    r"(?:\b(?:may|might|could) (?:earn|receive|get) (?:a |an )?(?:small )?(?:commission|"
    r"affiliate)|\baffiliate disclosure|\b(?:we|i) (?:may )?(?:earn|receive|get) (?:an? )?"
    r"(?:small )?(?:affiliate )?commission|\b(?:we|i) use (?:some )?affiliate links|"
    r"\bthis (?:post|article|page|story|review|guide) (?:contains|may contain|includes|uses) "
    r"(?:some )?affiliate|\b(?:links?|purchases?) (?:on|from|in) this (?:page|post|article|site)"
    r"[^.]{0,40}\baffiliate|"
    r"\bnot (?:financial|investment) advice\b|\bmarket data (?:is )?delayed\b)", IC)
COOKIE = re.compile(
    r"\b(?:we|this (?:site|website)) (?:and our [\w ]{0,20}partners )?use[s]? cookies\b|"
    r"\bcookie (?:policy|settings|preferences)\b|\baccept (?:all )?cookies\b", IC)
SOURCE_LINE = re.compile(
    r"^(?:source|sources|via|original(?: article| link)?|原文(?:链接|地址)?|来源|出处)\s*[:：]\s*"
    r"<?(https?://\S+?)>?\s*$", IC)

# ── newsletter furniture ─────────────────────────────────────────────────────
GREETING = re.compile(
    r"^(?:hello|hi|hey|dear|greetings|good (?:morning|afternoon|evening)|welcome|howdy|"
    r"happy (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|new year)|"
    r"大家好|各位|欢迎)\b", IC)
SIGN_OFF = re.compile(
    r"^(?:enjoy|happy reading|read on|thanks for reading|thank you for reading|until next "
    r"(?:time|week)|see you (?:next|soon)|cheers|best(?: wishes| regards)?|warmly|all the best|"
    r"that'?s (?:all|it)(?: for)?|catch you|talk soon|stay safe|take care|yours|signing off|"
    r"下期见|感谢阅读)\b[^.]{0,80}[!.,]?$", IC)
NEWSLETTER_FOOTER = re.compile(
    r"(?:\bunsubscribe\b|\bmanage (?:your )?(?:subscription|preferences)\b|\byou(?:'re| are) "
    r"receiving this\b|\bforward(?:ed)? this (?:email|newsletter)\b|\bview (?:this email |it )?"
    r"in (?:your|a) browser\b|\bwas this (?:email|newsletter) forwarded\b)", IC)
SIGNATURE = re.compile(r"^[A-Z][\w'’\-]+(?: [A-Z][\w'’.\-]+){1,3}\s*(?:\(.{2,80}\)|[,–—-]\s*.{2,60})?$")

# ── promo and affiliate blocks ───────────────────────────────────────────────
PROMO_HEADING = re.compile(
    r"(?:\b(?:best|top|hottest|trending|new)\b.{0,40}\b(?:to buy|to invest|to watch|deals?|"
    r"offers?|picks|presales?|coins?|tokens?|bargains|discounts?|coupons?)\b|"
    r"\bwhich\b.{0,40}\b(?:should you buy|to buy|to invest in)\b|"
    r"\b(?:deals?|offers?|coupons?|discounts?|sales?)\b.{0,30}\b(?:right now|today|this week|"
    r"of the (?:day|week|month))\b|\bshop (?:the|our) |\bbuy now\b|\bour partners\b|"
    r"\bsponsored\b|\bpromot(?:ed|ion)\b|\bhandpicked\b)", IC)
# the lower-case literals one of which every PROMO_HEADING match holds (what is bought or
# offered, or the phrase itself): rules.py searches only a heading holding one
PROMO_HEADING_NEEDS = ("to buy", "to invest", "to watch", "deal", "offer", "picks", "coin", "token",
                       "bargains", "discount", "coupon", "should you buy", "sale", "shop the ",
                       "shop our ", "buy now", "our partners", "sponsored", "promot", "handpicked")
PROMO_ITEM = re.compile(
    r"(?:\d+\s?%\s?(?:off|bonus|apy|apr|cashback|discount)|\bcode\s+[A-Z0-9]{4,}\b|\bpresale\b|"
    r"\bairdrop\b|\bstak(?:e|ing) (?:for|bonus|rewards?)|\b(?:buy|get) (?:one|two|\d+)\b.{0,30}"
    r"\bfree\b|\bfree (?:delivery|shipping|trial|spins?|bets?|tokens?)\b|\bthis weekend only\b|"
    r"\blimited[- ]time\b|\bends (?:today|tonight|soon|friday|monday|sunday|saturday)\b|"
    r"\bbefore the price (?:rises|goes up)\b|\bearly access\b|\bsign[- ]up bonus\b|"
    r"\b(?:upcoming|new) (?:listings?|tokens?)\b|\btop rated\b|\bkyc verified\b|\baudited\b|"
    r"\bprivate sales?\b|\bnft drops?\b|\bmost voted\b|\bclaim your\b|\bbonus\b)", IC)

# ── a date stamp on its own line ─────────────────────────────────────────────
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# "19 November 2019", "Nov. 19, 2019", "2019-11-19", "19/11/2019", "11.24.2025"
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}|"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    r"(?<![\d.,/])\d{1,2}([/.])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/.,%]))\b", IC)
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?\b)?(?:\s*[A-Z]{2,4}\b)?",
                   IC)
NOT_A_STAMP = re.compile(r"^\s*(?:[—–\-]|(?:event\s+)?dates?\s*:|when\s*:)", IC)
# what a date stamp says besides the date: its label, a weekday, a zone, "8 min read"
DATE_WORDS = re.compile(
    r"\b(?:(?:first|last|originally)\s+)?(?:published|updated|posted|modified|created|"
    r"submitted|on|at|[ap]m|ago|hours?|minutes?|mins?|days?|an?|read|reading|time|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|fri|sat|sun|"
    r"gmt|utc)\b\.?", IC)

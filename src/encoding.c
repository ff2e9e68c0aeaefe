/* Charset detection (UTF-8, UTF-16, GB18030, Big5) and conversion to UTF-8. */
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


#include "scholia/encoding.h"
#include "scholia/text.h"
#include "scholia/xmalloc.h"

#include "utf8.h"

#define ENC_SAMPLE	(64 * 1024)	/* bytes looked at to guess a charset */
#define REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD in UTF-8 */
#define ENCODING_WINDOW	(64 * 1024)	/* input given to iconv at a time */

static int	encoding_utf16_shape(const unsigned char *, size_t,
		    enum encoding *);
static int	encoding_mostly_utf8(const char *, size_t);
static int	encoding_big5_shape(const unsigned char *, size_t);
static long	encoding_score(const char *, size_t, enum encoding);
static int	encoding_common(uint32_t);
static void	encoding_common_init(void);
static int	encoding_cmp(const void *, const void *);
static void	encoding_utf8(const char *, size_t, struct buf *, size_t *);
static int	encoding_iconv(const char *, size_t, const char *, size_t,
		    struct buf *, size_t *, char **);

static const struct {
	enum encoding	 enc;
	const char	*name;		/* shown to the user, in exports */
	const char	*iconv;		/* Big5: the superset with extensions */
} encodings[] = {
	{ ENC_UTF8, "UTF-8", "UTF-8" },
	{ ENC_UTF8_BOM, "UTF-8-BOM", "UTF-8" },
	{ ENC_UTF16LE, "UTF-16LE", "UTF-16LE" },
	{ ENC_UTF16BE, "UTF-16BE", "UTF-16BE" },
	{ ENC_GB18030, "GB18030", "GB18030" },
	{ ENC_BIG5, "Big5", "BIG5-HKSCS" },
};

/* Other spellings accepted by encoding_from_name, compared loosely. */
static const struct {
	const char	*alias;
	enum encoding	 enc;
} aliases[] = {
	{ "UTF8", ENC_UTF8 }, { "UTF8BOM", ENC_UTF8_BOM },
	{ "UTF8SIG", ENC_UTF8_BOM }, { "UTF16", ENC_UTF16LE },
	{ "UTF16LE", ENC_UTF16LE }, { "UTF16BE", ENC_UTF16BE },
	{ "GB18030", ENC_GB18030 }, { "GBK", ENC_GB18030 },
	{ "GB2312", ENC_GB18030 }, { "CP936", ENC_GB18030 },
	{ "EUCCN", ENC_GB18030 }, { "GB", ENC_GB18030 },
	{ "BIG5", ENC_BIG5 }, { "BIG5HKSCS", ENC_BIG5 },
	{ "CP950", ENC_BIG5 },
};

/*
 * Frequent Chinese characters, simplified and traditional forms: correctly
 * decoded text is full of them, text decoded with the wrong charset is not.
 */
static const char common_chars[] =
    "的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就"
    "出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行"
    "所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分"
    "还還进進好小部其些主样樣理心本前开開但因只从從想实實日者意无無力与與"
    "长長把机機民第公此已工使情明性知全又关關点點正业業外将將两兩高间間由"
    "问問很最重并並物手应應战戰向头頭文体體政美相见見被利等产產或新己制身"
    "果加西月话話合回特代内內信表化给給世位次度门門任常先海通教原东東声聲"
    "提立及比员員解水名真论論处處义義各入口认認条條平系气氣题題活更别別变"
    "變神总總何电電数數安少报報才结結反受目量再感建务務做接必场場件计計管"
    "期市直资資命指区區保至队隊形社便空决決治展科基书書非则則界达達放强強"
    "即难難且权權思象完设設式路记記品据據程边邊张張该該交规規取望术術领領"
    "共确確传傳观觀清今院让讓识識带帶导導争爭运運改收根造言联聯持组組每济"
    "濟服办辦议議证證近转轉准準始存未具字流调調深商算质質团團集需价價党黨"
    "华華级級整府况況际際约約示复復究线線官断斷满滿支视視越容须須增研称稱"
    "企功包史委查易除农農显顯标標谈談图圖历歷专專费費号號较較注语語仅僅考"
    "选選列响響虽雖推势勢参參众眾构構某案维維划劃致态態护護兴興验驗责責营"
    "營章例防族供效续續施型终終紧緊绝絕察段依批群项項故按围圍织織境客纪紀"
    "采举舉双雙细細值属屬限职職速刻否状狀率独獨般普创創假承印试試预預益"
    "若继繼适適源险險待述置居劳勞财財环環获獲模充层層略范範策简簡判担擔"
    "既积積差协協角配征修降审審坚堅执執副抗追宣优優著税稅左右份背概块塊"
    "守央核介讨討良序升监監临臨域括编編测測败敗困渐漸封缺移亦短固席均销"
    "銷端探录錄附含顺順输輸补補谓謂材灭滅择擇授借禁避访訪弱典欲扩擴稳穩"
    "析透购購替途侵迅套贸貿毕畢唯促延伟偉缓緩潜潛售络絡抵植纯純折措残殘"
    "培诚誠宽寬盟末"
    "，。、；：？！（）「」『』《》“”";

static uint32_t	*common_sorted;		/* common_chars as sorted code points */
static pthread_once_t	 common_once = PTHREAD_ONCE_INIT;
static size_t	 ncommon;

const char *
encoding_name(enum encoding enc)
{
	size_t	i;

	for (i = 0; i < sizeof encodings / sizeof encodings[0]; i++) {
		if (encodings[i].enc == enc)
			return encodings[i].name;
	}
	return "UTF-8";
}

/* Names compare ignoring case, '-', '_' and spaces ("utf_8" is "UTF-8"). */
int
encoding_from_name(const char *name, enum encoding *enc)
{
	char	key[32];
	size_t	i, n = 0;

	for (; *name != '\0'; name++) {
		if (*name == '-' || *name == '_' || *name == ' ')
			continue;
		if (n + 1 >= sizeof key)
			return -1;
		key[n++] = (*name >= 'a' && *name <= 'z') ? *name - 32 : *name;
	}
	key[n] = '\0';
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		if (strcmp(key, aliases[i].alias) == 0) {
			*enc = aliases[i].enc;
			return 0;
		}
	}
	return -1;
}

/* Cheapest and surest evidence first: BOM, UTF-16 shape, UTF-8 validity. */
enum encoding
encoding_detect(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	enum encoding		 enc;
	size_t			 sample, start;
	long			 big5, gb;

	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		return ENC_UTF8_BOM;
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		return ENC_UTF16LE;
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		return ENC_UTF16BE;
	if (encoding_utf16_shape(p, n < ENC_SAMPLE ? n : ENC_SAMPLE, &enc))
		return enc;
	if (utf8_valid((const char *)p, n) == n)
		return ENC_UTF8;
	/*
	 * ASCII reads the same in all of them: judge from the first other
	 * byte (there is one, since the bytes are not valid UTF-8).
	 */
	for (start = 0; p[start] < 0x80; start++)
		;
	s += start;
	p += start;
	n -= start;
	sample = n < ENC_SAMPLE ? n : ENC_SAMPLE;
	if (encoding_mostly_utf8(s, sample))
		return ENC_UTF8;
	big5 = encoding_score(s, sample, ENC_BIG5);
	gb = encoding_score(s, sample, ENC_GB18030);
	if (big5 > gb || (big5 == gb && encoding_big5_shape(p, sample)))
		return ENC_BIG5;
	return ENC_GB18030;
}

/*
 * Tie-break for text without common characters: Big5 uses trail bytes
 * 0x40-0x7E often, GB2312 never, and only Big5 lacks leads 0x81-0xA0 and
 * GB18030's four-byte forms.
 */
static int
encoding_big5_shape(const unsigned char *p, size_t n)
{
	size_t	i = 0, low = 0;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] <= 0xA0 || i + 1 >= n)
			return 0;
		if (p[i + 1] >= 0x30 && p[i + 1] <= 0x39)
			return 0;
		low += p[i + 1] >= 0x40 && p[i + 1] <= 0x7E;
		i += 2;
	}
	return low > 0;
}

/* BOM-less UTF-16: ASCII text has a NUL in every other byte. */
static int
encoding_utf16_shape(const unsigned char *p, size_t n, enum encoding *enc)
{
	size_t	i, pairs = n / 2, even = 0, odd = 0;

	if (pairs < 2)
		return 0;
	for (i = 0; i + 1 < n; i += 2) {
		even += p[i] == 0;
		odd += p[i + 1] == 0;
	}
	if (odd >= pairs * 9 / 10 && even <= pairs / 20) {
		*enc = ENC_UTF16LE;
		return 1;
	}
	if (even >= pairs * 9 / 10 && odd <= pairs / 20) {
		*enc = ENC_UTF16BE;
		return 1;
	}
	return 0;
}

/*
 * UTF-8 with a few stray bad bytes (a damaged conversion) is still UTF-8:
 * legacy charsets decoded as UTF-8 are almost all invalid.
 */
static int
encoding_mostly_utf8(const char *s, size_t n)
{
	size_t		i = 0, l, good = 0, bad = 0;
	uint32_t	c;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		l = text_decode(s + i, n - i, &c);
		if (l == 1)
			bad++;
		else
			good++;
		i += l;
	}
	/* The sample may cut the last character. */
	if (bad > 0 && n - i < 4)
		bad--;
	return good > 0 && bad * 20 <= good;
}

/* How much a sample decoded as enc looks like Chinese text. */
static long
encoding_score(const char *s, size_t n, enum encoding enc)
{
	struct buf	 out = { 0 };
	size_t		 invalid = 0, i, l;
	uint32_t	 c;
	long		 score = 0;
	char		*cause = NULL;

	if (encoding_to_utf8(s, n, enc, &out, &invalid, &cause) != 0) {
		free(cause);
		return -1L - (long)n;
	}
	for (i = 0; i < out.len; i += l) {
		if ((unsigned char)out.data[i] < 0x80) {
			l = 1;
			continue;
		}
		l = text_decode(out.data + i, out.len - i, &c);
		if (encoding_common(c))
			score += 4;
		else if (c >= 0xE000 && c <= 0xF8FF)	/* private use */
			score -= 2;
		else if (c >= 0x4E00 && c <= 0x9FFF)
			continue;
		else if (c == 0xFFFD)
			score -= 8;
		else
			score--;
	}
	buf_free(&out);
	return score;
}

static int
encoding_cmp(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Whether c is one of common_chars; the table is built on first use. */
/* Once per process, whichever thread detects an encoding first. */
static void
encoding_common_init(void)
{
	size_t		i, n = sizeof common_chars - 1;
	uint32_t	u;

	common_sorted = xreallocarray(NULL, n, sizeof *common_sorted);
	for (i = 0; i < n; ncommon++) {
		i += text_decode(common_chars + i, n - i, &u);
		common_sorted[ncommon] = u;
	}
	qsort(common_sorted, ncommon, sizeof *common_sorted, encoding_cmp);
}

static int
encoding_common(uint32_t c)
{
	size_t		lo, hi, mid;

	pthread_once(&common_once, encoding_common_init);
	lo = 0;
	hi = ncommon;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (common_sorted[mid] == c)
			return 1;
		if (common_sorted[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* UTF-8 is checked and copied, the others go through iconv(3). */
int
encoding_to_utf8(const char *s, size_t n, enum encoding enc, struct buf *out,
    size_t *invalid, char **cause)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, bad = 0;
	int			 rc = 0;

	switch (enc) {
	case ENC_UTF8:
	case ENC_UTF8_BOM:
		if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
			s += 3;
			n -= 3;
		}
		encoding_utf8(s, n, out, &bad);
		break;
	case ENC_UTF16LE:
	case ENC_UTF16BE:
		if (n >= 2 && ((enc == ENC_UTF16LE && p[0] == 0xFF &&
		    p[1] == 0xFE) || (enc == ENC_UTF16BE && p[0] == 0xFE &&
		    p[1] == 0xFF))) {
			s += 2;
			n -= 2;
		}
		/* FALLTHROUGH */
	default:
		for (i = 0; i < sizeof encodings / sizeof encodings[0]; i++) {
			if (encodings[i].enc == enc)
				break;
		}
		if (i == sizeof encodings / sizeof encodings[0]) {
			xasprintf(cause, "unknown encoding %d", (int)enc);
			return -1;
		}
		rc = encoding_iconv(s, n, encodings[i].iconv,
		    enc == ENC_UTF16LE || enc == ENC_UTF16BE ? 2 : 1, out, &bad,
		    cause);
		break;
	}
	if (invalid != NULL)
		*invalid = bad;
	return rc;
}

/* Copy valid UTF-8 runs; every byte of an invalid sequence becomes U+FFFD. */
static void
encoding_utf8(const char *s, size_t n, struct buf *out, size_t *bad)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + n, *q;

	buf_grow(out, n);
	while (p < end) {
		q = p + utf8_valid((const char *)p, (size_t)(end - p));
		buf_append(out, p, (size_t)(q - p));
		p = q;
		if (p < end) {
			buf_append(out, REPLACEMENT, 3);
			(*bad)++;
			p++;
		}
	}
}

/*
 * Convert with iconv(3); each undecodable unit (a byte, or a 16-bit unit in
 * UTF-16) becomes one U+FFFD and the conversion resumes after it, so no
 * text around a bad byte is lost. *bad counts the bytes replaced. Input
 * goes in windows: a checking build's iconv looks at all the input it is
 * given, every call, which with a bad byte every few bytes is quadratic.
 */
static int
encoding_iconv(const char *s, size_t n, const char *from, size_t unit,
    struct buf *out, size_t *bad, char **cause)
{
	iconv_t	 cd;
	char	*in = (char *)s, *o;
	size_t	 inleft = n, oleft, room, skip, win, wleft;
	int	 rc;

	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
		xasprintf(cause, "%s: conversion not available", from);
		return -1;
	}
	buf_grow(out, n + n / 2 + 16);
	while (inleft > 0) {
		room = out->cap - out->len - 1;
		o = out->data + out->len;
		oleft = room;
		win = wleft = inleft < ENCODING_WINDOW ? inleft :
		    ENCODING_WINDOW;
		rc = iconv(cd, &in, &wleft, &o, &oleft) != (size_t)-1;
		inleft -= win - wleft;
		out->len += room - oleft;
		if (rc)
			continue;
		if (errno == E2BIG) {
			buf_grow(out, inleft + inleft / 2 + 16);
			continue;
		}
		/* a character cut by the window's end: the next one has it */
		if (errno == EINVAL && wleft < inleft)
			continue;
		if (errno != EILSEQ && errno != EINVAL) {
			out->data[out->len] = '\0';
			iconv_close(cd);
			xasprintf(cause, "%s: conversion failed", from);
			return -1;
		}
		skip = inleft < unit ? inleft : unit;
		buf_append(out, REPLACEMENT, 3);
		*bad += skip;
		in += skip;
		inleft -= skip;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	/* Flush any shift state. */
	buf_grow(out, 16);
	o = out->data + out->len;
	oleft = room = out->cap - out->len - 1;
	if (iconv(cd, NULL, NULL, &o, &oleft) != (size_t)-1)
		out->len += room - oleft;
	out->data[out->len] = '\0';
	iconv_close(cd);
	return 0;
}

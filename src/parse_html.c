/* Inline HTML for the parsers: entities and the tags that carry style. */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "parse_internal.h"

/* Named entities that papers use; numeric ones are decoded directly. */
static const struct {
	const char	*name;
	uint32_t	 cp;
} parse_entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xa0 }, { "copy", 0xa9 },
	{ "reg", 0xae }, { "trade", 0x2122 }, { "hellip", 0x2026 },
	{ "mdash", 0x2014 }, { "ndash", 0x2013 }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 }, { "ldquo", 0x201c }, { "rdquo", 0x201d },
	{ "laquo", 0xab }, { "raquo", 0xbb }, { "middot", 0xb7 },
	{ "bull", 0x2022 }, { "times", 0xd7 }, { "divide", 0xf7 },
	{ "deg", 0xb0 }, { "plusmn", 0xb1 }, { "sect", 0xa7 },
	{ "para", 0xb6 }, { "dagger", 0x2020 }, { "Dagger", 0x2021 },
	{ "emsp", 0x2003 }, { "ensp", 0x2002 }, { "thinsp", 0x2009 },
	{ "shy", 0xad }, { "euro", 0x20ac }, { "pound", 0xa3 },
	{ "yen", 0xa5 }, { "cent", 0xa2 }, { "sup1", 0xb9 },
	{ "sup2", 0xb2 }, { "sup3", 0xb3 }, { "prime", 0x2032 },
	{ "larr", 0x2190 }, { "rarr", 0x2192 }, { "le", 0x2264 },
	{ "ge", 0x2265 }, { "ne", 0x2260 }, { "eacute", 0xe9 },
	{ "egrave", 0xe8 }, { "uuml", 0xfc }, { "ouml", 0xf6 },
	{ "auml", 0xe4 }, { "szlig", 0xdf }, { "ccedil", 0xe7 },
};

size_t
parse_entity(const char *s, size_t n, char *out)
{
	uint32_t	 cp = 0;
	size_t		 i;
	int		 len;
	char		*end;

	if (n >= 4 && s[0] == '&' && s[1] == '#' && s[n - 1] == ';') {
		if (s[2] == 'x' || s[2] == 'X')
			cp = (uint32_t)strtoul(s + 3, &end, 16);
		else
			cp = (uint32_t)strtoul(s + 2, &end, 10);
		if (end != s + n - 1 || cp == 0 || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			cp = 0xfffd;
	} else if (n >= 3 && s[0] == '&' && s[n - 1] == ';') {
		for (i = 0; i < sizeof parse_entities /
		    sizeof parse_entities[0]; i++) {
			if (strlen(parse_entities[i].name) == n - 2 &&
			    memcmp(parse_entities[i].name, s + 1, n - 2) == 0) {
				cp = parse_entities[i].cp;
				break;
			}
		}
	}
	if (cp == 0)
		return 0;
	len = u8_uctomb((uint8_t *)out, cp, 8);
	return len > 0 ? (size_t)len : 0;
}

enum parse_tag
parse_html_tag(const char *s, size_t n, int *close)
{
	char	name[16];
	size_t	i = 1, k = 0;

	*close = 0;
	if (n < 3 || s[0] != '<')
		return PARSE_TAG_OTHER;
	if (s[i] == '/') {
		*close = 1;
		i++;
	}
	while (i < n && k + 1 < sizeof name &&
	    ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	    (s[i] >= '0' && s[i] <= '9'))) {
		name[k++] = (char)(s[i] | 0x20);
		i++;
	}
	name[k] = '\0';
	if (i < n && s[i] != '>' && s[i] != ' ' && s[i] != '/' &&
	    s[i] != '\t' && s[i] != '\n')
		return PARSE_TAG_OTHER;
	if (strcmp(name, "sup") == 0)
		return PARSE_TAG_SUP;
	if (strcmp(name, "sub") == 0)
		return PARSE_TAG_SUB;
	if (strcmp(name, "br") == 0)
		return PARSE_TAG_BR;
	if (strcmp(name, "b") == 0 || strcmp(name, "strong") == 0)
		return PARSE_TAG_STRONG;
	if (strcmp(name, "i") == 0 || strcmp(name, "em") == 0)
		return PARSE_TAG_EMPH;
	if (strcmp(name, "s") == 0 || strcmp(name, "del") == 0 ||
	    strcmp(name, "strike") == 0)
		return PARSE_TAG_STRIKE;
	return PARSE_TAG_OTHER;
}

/* Raw HTML text: tags go to the callback, entities decode, lines join. */
void
parse_html_text(struct inl *inl, const char *s, size_t n, size_t off,
    unsigned flags, unsigned (*tag)(void *, const char *, size_t, size_t),
    void *arg)
{
	char	out[8];
	size_t	i = 0, j, len;

#define HTML_AT(k)	(off == INL_NOOFF ? off : off + (k))
	while (i < n) {
		if (s[i] == '<') {
			for (j = i + 1; j < n && s[j] != '>'; j++)
				;
			if (j < n)
				j++;
			inl_touch(inl, HTML_AT(i), j - i);
			flags = tag(arg, s + i, j - i, HTML_AT(i));
			i = j;
		} else if (s[i] == '\n' || ((s[i] == ' ' || s[i] == '\t') &&
		    (i == 0 || s[i - 1] == '\n'))) {
			for (j = i; j < n && (s[j] == ' ' || s[j] == '\t' ||
			    s[j] == '\n'); j++)
				;
			if (memchr(s + i, '\n', j - i) != NULL)
				inl_softbr(inl);
			i = j;
		} else if (s[i] == '&') {
			for (j = i + 1; j < n && j - i < 12 && s[j] != ';' &&
			    s[j] != '&' && s[j] != '<' && s[j] != ' '; j++)
				;
			if (j < n && s[j] == ';' &&
			    (len = parse_entity(s + i, j + 1 - i, out)) != 0) {
				inl_verbatim(inl, out, len, HTML_AT(i), flags);
				i = j + 1;
			} else {
				inl_text(inl, s + i, 1, HTML_AT(i), flags);
				i++;
			}
		} else {
			for (j = i; j < n && s[j] != '<' && s[j] != '\n' &&
			    s[j] != '&'; j++)
				;
			inl_text(inl, s + i, j - i, HTML_AT(i), flags);
			i = j;
		}
	}
#undef HTML_AT
}

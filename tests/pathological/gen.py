#!/usr/bin/env python3
# Writes the pathological inputs into a directory and prints one case a line:
# NAME FILE EXPECT SECONDS MEGABYTES FLAGS... (EXPECT: ok, refuse or either).
import os
import sys

out, full = sys.argv[1], len(sys.argv) > 2 and sys.argv[2] == '--full'
M = 1024 * 1024
# The sizes under --full; the normal suite scales the largest down.
K = 1 if full else 10
cases = []


def put(name, data, expect='ok', secs=10, mb=1024, flags=('',)):
    path = os.path.join(out, name)
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))
    for fl in flags:
        cases.append((name + (fl and ':' + fl.strip('-').replace(' ', '')),
                      path, expect,
                      secs, mb, fl))


def rep(unit, nbytes):
    """unit repeated to about nbytes."""
    return unit * max(1, nbytes // len(unit))


both = ('--text', '--markdown')
auto = ('',)

# Long lines: with spaces, without any break opportunity, CJK without spaces.
put('line-words', rep('word ', 10 * M // K) + '\n', flags=('--text',))
put('line-words-md', rep('word ', 10 * M // K) + '\n', flags=('--markdown',))
put('line-nobreak', 'x' * (10 * M // K) + '\n', flags=both)
put('line-cjk', rep('中文段落，', 10 * M // K) + '\n', flags=both)
# A narrow screen multiplies display lines: one per character. The dump
# lays a huge block out in pieces, so memory stays near the file's size
# (all its display lines at once took over 100 bytes a character).
NARROW_MB = 512 if full else 200
put('narrow', rep('中', 10 * M // K) + '\n' + rep('a ', 10 * M // K) + '\n',
    secs=20, mb=NARROW_MB, flags=('--width 1', '--width 2 --markdown'))
put('line-narrow', 'x' * (20 * M // K) + '\n', secs=20, mb=NARROW_MB,
    flags=('--width 1', '--width 3 --markdown'))
put('lines-empty', '\n' * (10 * M // K), flags=auto)
put('lines-short', rep('a\n', 10 * M // K // 2), secs=60, mb=4096,
    flags=auto)

# 10^5 note markers, in every style, with their notes.
n = 100000
put('notes-circled', ''.join('正文%d①。\n' % i for i in range(n)) +
    ''.join('① 注释%d。\n' % i for i in range(n)), flags=both)
put('notes-caret', ''.join('Text %d[^%d].\n\n' % (i, i) for i in range(n)) +
    ''.join('[^%d]: Note %d.\n' % (i, i) for i in range(n)), flags=both)
put('notes-sup', ''.join('段落<sup>%d</sup>\n' % i for i in range(n)) +
    ''.join('%d. 注%d\n' % (i, i) for i in range(n)), flags=both)
put('markers-one-line', rep('①', 3 * n) + '\n' + rep('[1]', 3 * n) + '\n' +
    rep('^1^', 3 * n) + '\n' + rep('<sup>1</sup>', 12 * n) + '\n', flags=both)
put('markers-unclosed', rep('<sup>', 5 * n) + '\n' + rep('[^', 2 * n) +
    '\n' + rep('^{', 2 * n) + '\n', flags=both)
put('notes-only', ''.join('%d 注释，见某书。\n' % i for i in range(n)),
    flags=auto)

# 10^5 nesting levels.
put('nest-list', '- ' * n + 'x\n', flags=('--markdown',))
put('nest-olist', '1. ' * n + 'x\n', flags=('--markdown',))
put('nest-quote', '>' * n + ' x\n', flags=('--markdown',))
put('nest-mixed', '> - 1. ' * (n // 3) + 'x\n', flags=('--markdown',))
put('nest-indent', ''.join(' ' * (2 * i) + '- x\n' for i in range(3000)),
    flags=('--markdown',))
put('nest-emph', '*' * n + 'x' + '*' * n + '\n', flags=both)
put('nest-strong', '**a ' * n + 'x' + ' b**' * n + '\n', flags=both)
put('nest-link', '[' * n + 'x' + '](u)' * n + '\n', flags=both)
put('nest-html', '<div>' * n + 'x' + '</div>' * n + '\n', flags=both)
put('nest-code', '`' * n + 'x\n', flags=both)
put('escaped-stars', rep('\\*', 2 * n) + 'x\n', flags=both)
put('headings', ''.join('%s、标题%d\n（%d）小节\n%d. 点\n' % ('一', i, i, i)
                        for i in range(n // 2)), flags=auto)
put('hashes', '#' * n + ' x\n' + ''.join('# h%d\n' % i for i in range(n)),
    flags=both)

# Tables: one 50 MB row of many cells, one huge cell, many rows.
put('table-row', '| a | b |\n|---|---|\n|' + rep('x|', 50 * M // K) + '\n',
    secs=10, mb=2048, flags=both)
put('table-cell', '| a | b |\n|---|---|\n| ' + rep('长', 50 * M // K) +
    ' | y |\n', secs=10, mb=2048, flags=both)
# A huge cell in a narrow grid: the row is joined a piece at a time.
put('table-cell-narrow', '| a | b |\n|---|---|\n| ' +
    rep('长', 50 * M // K // 3) + ' | y |\n', secs=20, mb=NARROW_MB,
    flags=('--width 8 --markdown', '--width 12 --markdown'))
put('table-cols', '|' + 'a|' * 5000 + '\n|' + '-|' * 5000 + '\n' +
    ('|' + 'x|' * 5000 + '\n') * 20, flags=both)
put('table-rows', '| a | b |\n|---|---|\n' + '| x | y |\n' * n, flags=both)

# Characters: all combining marks, invalid UTF-8 every other byte, NULs.
put('combining', rep('\u0301\u0302\u20dd\u0489', 10 * M // K) + '\n',
    flags=both)
put('combining-lines', rep('\u0301' * 40 + '\n', 2 * M), flags=auto)
put('zero-width', rep('\u200b\u200d\ufe0f', 10 * M // K) + '\n', flags=auto)
put('invalid-utf8', rep(b'a\xff', 10 * M // K) + b'\n', flags=both)
put('invalid-mixed', rep(b'\xe4\xb8\xad\xe4\xb8\n\xc0\x80\xed\xa0\x80', 2 * M),
    flags=auto)
put('nul-bytes', rep(b'text\0', 2 * M), expect='refuse', flags=('',))
put('nul-bytes-forced', rep(b'text\0', 2 * M), flags=('--force',))
put('form-feeds', rep('page\f', 2 * M) + '\n', flags=auto)
put('tabs', rep('\t\tx', 2 * M) + '\n', flags=both)

# A binary file: refused without -f, placeholders with it.
put('binary', bytes(range(256)) * (M // 64), expect='refuse', flags=('',))
put('binary-forced', bytes(range(256)) * (M // 64), flags=('--force',))
put('empty', b'', flags=both)
put('just-newline', b'\n', flags=auto)
put('bom-only', b'\xef\xbb\xbf', flags=auto)
put('utf16-odd', b'\xff\xfe' + 'x\n'.encode('utf-16-le') * (M // K) + b'\x00',
    expect='either', flags=auto)
gb = ('中文段落，测试编码。' * 1000 + '\n').encode('gb18030')
put('gb18030', gb * (20 // K + 1), flags=auto)

# Terminal safety: escape sequences, OSC 8/52, C1, bidi controls everywhere
# a document can hold them (heading, note, table, link target, code, sup).
bad = ('\x1b[31m', '\x1b]8;;http://evil\x07', '\x1b]8;;\x1b\\',
       '\x1b]52;c;ZXZpbA==\x07', '\x07', '\x08', '\x7f', '\x9b31m',
       '\x9d8;;x\x9c', '\u0085', '\u202e', '\u202d', '\u2066', '\u2067',
       '\u2068', '\u2069', '\u202a', '\u202b', '\u202c', '\u200f',
       '\u061c', '\u2028', '\ufff9', '\x1bP+q\x1b\\', '\x1b[2J', '\x1bc',
       '\x0e', '\x0f', '\x1b(0', '\x0b', '\r')
e = ''.join(bad)
esc = f'''# Title {e} end

## 一、Heading {e}

Para {e} text① and [^n] and <sup>2</sup>.

- item {e}
  > quote {e}

| a {e} | b |
|---|---|
| {e} | [link {e}](http://x{e}y) |

```
code {e}
```

`inline {e}` **bold {e}** <sup>{e}</sup> <span title="{e}">x</span>

[^n]: note {e}

① 注释 {e}

2 Note two {e}

【关键词】词一{e}；词二
'''
put('escapes', esc, flags=('', '--text', '--markdown'))
put('escapes-nul', esc.replace('end', 'end\0'), flags=('--force',))
put('escapes-8bit', b'raw C1: \x9b31m \x9d8;;x\x9c \x1b[31m red\n',
    flags=auto)
put('escapes-gb', esc.encode('gb18030'), flags=auto)
put('escapes-utf16', b'\xff\xfe' + esc.encode('utf-16-le'), flags=auto)

for c in cases:
    print(' '.join(str(x) for x in c[:5]) + (' ' + c[5] if c[5] else ''))

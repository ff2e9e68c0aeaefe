#!/bin/sh
# Raw bytes to the terminal: escapes, OSC 8/52, C1, bidi, BEL and backspaces from a document, its name or a search never reach it.
# The reader runs on a pty of its own (python3), not in tmux, which would
# filter what it passes on: every byte the reader writes is kept and checked
# to be curses' own, while the document is read, its outline, notes, a peek,
# search prompts and help are shown, and the terminal shrinks to 1x1.
. "$(dirname "$0")/lib.sh" "$@"

command -v python3 >/dev/null 2>&1 || { echo "no python3: skipped"; exit 0; }

# The document: hostile bytes in a title, headings, body, code, a table,
# a link, a note; CSI parameter 31337 and OSC payloads mark them.
python3 - "$E2E_TMP" <<'EOF'
import sys
E = '\x1b'
osc52 = E + ']52;c;U0VLUkVU\x07'
osc8 = E + ']8;;http://evil.example/' + E + '\\'
lines = [
    '# Title ' + E + '[31337mHEAD ' + osc52,
    '',
    'Body ' + E + '[31337m and ' + E + '[6n and ' + osc8 + 'link' + E + ']8;;'
    + E + '\\ and ' + E + 'P1$qm' + E + '\\ and ' + E + '_apc' + E + '\\ end.',
    '',
    'C1 \u009b31337m and \u009d52;c;QQ==\u009c and \u0085 and bidi '
    '\u202egnirts\u202c \u2066iso\u2069 \u2067rli\u2069 \u200f, '
    'BEL\x07, ab\x08\x08XY, DEL\x7f, SO\x0e SI\x0f, '
    'a note[^n].',
    '',
    '## Section ' + E + '[31337m \u202e ' + osc52,
    '',
    '```',
    'code ' + E + '[31337m ' + osc52 + ' \u009b31337m',
    '```',
    '',
    '| a ' + E + '[31337m | b \u202e |',
    '|---|---|',
    '| ' + osc52 + ' | \u009b31337m |',
    '',
]
for i in range(30):
    lines += ['Filler paragraph %d keeps the reader scrolling.' % i, '']
lines += ['[^n]: Note ' + E + '[31337m ' + osc52 + ' \u202e end.', '']
name = sys.argv[1] + '/ev' + E + ']52;c;QQ==\x07il' + E + '[31337m\u202e\u009b.md'
open(name, 'w', encoding='utf-8').write('\n'.join(lines))
EOF

cat >"$E2E_TMP/drive.py" <<'EOF'
# drive.py CHECK-ONLY|BINARY FILE: drive the reader on a pty, check its bytes.
import os, pty, re, select, signal, struct, sys, termios, fcntl, time

def unsafe(d):
    """What in the byte stream d curses would never send: a list."""
    bad = []
    i = 0
    while i < len(d):
        b = d[i]
        if b == 0x1b:
            m = re.match(rb'\x1b(\[[0-?]*[ -/]*[@-~]|[()][0-9AB]|[78=>M])',
                         d[i:])
            if m is None:
                bad.append('ESC %r' % d[i:i + 12])
                i += 1
                continue
            seq = m.group(0)
            if b'31337' in seq or seq == b'\x1b[6n':
                bad.append('document CSI %r' % seq)
            i += len(seq)
            continue
        if b < 0x20 and b not in (0x08, 0x0a, 0x0d) or b == 0x7f:
            bad.append('C0 %#x near %r' % (b, d[max(0, i - 8):i + 8]))
        i += 1
    if b'b\x08\x08X' in d:
        bad.append('backspaces of the document')
    try:
        t = d.decode('utf-8')
    except UnicodeDecodeError as e:
        return bad + ['invalid UTF-8 at %d' % e.start]
    for c in t:
        o = ord(c)
        if 0x80 <= o < 0xa0 or 0x202a <= o <= 0x202e or \
                0x2066 <= o <= 0x2069 or o in (0x200e, 0x200f, 0x61c):
            bad.append('U+%04X' % o)
    return bad

if sys.argv[1] == 'CHECK-ONLY':
    # the check can fail: each of these must be caught
    for s in (b'a\x1b]52;c;QQ==\x07', b'\x1b[31337m', b'x\xc2\x9by',
              b'\xe2\x80\xae', b'\x07', b'\x9b1m', b'ab\x08\x08XY',
              b'\x1bP1$q\x1b\\'):
        if not unsafe(s):
            sys.exit('the check misses %r' % s)
    if unsafe(b'\x1b[?1049h\x1b[1;24r\x1b(B\x1b[0;7mok\r\n\x1b[?25h'):
        sys.exit('the check refuses curses sequences')
    sys.exit(0)

binary, doc = sys.argv[1], sys.argv[2]
timeout = float(os.environ.get('E2E_TIMEOUT', '5')) * 2
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    os.environ['TERM'] = 'xterm-256color'
    os.execv(binary, [binary, doc])
out = bytearray()

def settle(quiet=0.3):
    """Read until the reader has been quiet a while."""
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return
        try:
            b = os.read(fd, 65536)
        except OSError:
            return
        if not b:
            return
        out.extend(b)

def key(s):
    os.write(fd, s)
    settle()

def size(cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    settle()

settle(1.0)
for k in (b'j', b'j', b'G', b'g', b'F', b'F', b']', b'\r', b'\x0f',
          b'p', b'\x1b', b't', b'\t', b'j', b'\r', b'\t', b't',
          b'/', b'\xc2\x9b31337m\xe2\x80\xaeq\x07', b'\r',
          b'?', b'\xe2\x81\xa6x\xc2\x9d', b'\r', b'n',
          b':', b'\xc2\x9b9', b'\x1b', b'h', b'\x1b'):
    key(k)
for c, r in ((1, 1), (2, 1), (1, 2), (3, 3), (80, 24)):
    size(c, r)
key(b'q')
status = None
end = time.time() + timeout
while time.time() < end:
    wpid, st = os.waitpid(pid, os.WNOHANG)
    if wpid:
        status = st
        break
    settle(0.1)
tty = termios.tcgetattr(fd)
fails = []
if status is None:
    os.kill(pid, signal.SIGKILL)
    fails.append('the reader did not quit')
elif not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
    fails.append('exit status %r' % status)
d = bytes(out)
fails += unsafe(d)
text = re.sub(rb'\x1b(\[[0-?]*[ -/]*[@-~]|[()][0-9AB]|[78=>M])', b'', d)
for want in (b'[31337mHEAD', b'<U+202E>', b'U0VLUkVU', b'Filler paragraph'):
    if want not in text:
        fails.append('never shown: %r' % want)
if not (tty[3] & termios.ICANON and tty[3] & termios.ECHO):
    fails.append('terminal left without canonical input or echo')
if b'\x1b[?1049l' not in d[-300:] or b'\x1b[?25h' not in d[-300:]:
    fails.append('alternate screen or cursor not restored at the end')
for f in fails[:10]:
    print('FAIL:', f)
sys.exit(1 if fails else 0)
EOF

python3 "$E2E_TMP/drive.py" CHECK-ONLY || e2e_fail "the byte check itself is wrong"
doc=$(ls "$E2E_TMP"/ev*.md)
python3 "$E2E_TMP/drive.py" "$E2E_BIN" "$doc" ||
	e2e_fail "unsafe bytes reached the terminal (see above)"
exit 0

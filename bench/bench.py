#!/usr/bin/env python3
"""Benchmarks scholia side by side with less, vim, w3m, lowdown and cmark-gfm.

Builds 1, 10 and 100 MB documents (and one single-line document) by concatenating the
reference corpus, then measures in the same run:
  - batch: whole-document render at 80 columns and --export json (wall time, peak memory);
  - interactive: first screen, end of file, a search whose only hit is at the end, each timed
    from the keystroke until the expected screen appears in tmux (median of --iruns runs);
  - a replay of a reading session on the largest file (scholia --replay in tmux: pages, a
    jump to a note and back, searches and next hits, G and g, a resize, while the file
    loads and after), with each key's latency percentiles as scholia measures them.
Prints a table of medians and ratios against the peers.

Usage: bench/bench.py [--scholia build/scholia] [--corpus ../shared/corpus] [--sizes 1,10,100]
                      [--runs 3] [--iruns 3] [--work /tmp/scholia-bench]
                      [--skip-batch] [--skip-interactive] [--skip-replay]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

MB = 1 << 20
MARK = 'SCHOLIAENDMARK'


def build_corpus(corpus, work, sizes):
    """Concatenate the corpus files to each size; the last paragraph holds a unique word."""
    os.makedirs(work, exist_ok=True)
    parts = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith('.txt'):
            with open(os.path.join(corpus, name), 'rb') as f:
                parts.append(f.read().rstrip(b'\n') + b'\n\n')
    unit = b''.join(parts)
    out = {}
    for mb in sizes:
        path = os.path.join(work, 'corpus-%dmb.md' % mb)
        if not os.path.exists(path):
            with open(path, 'wb') as f:
                n = 0
                while n < mb * MB:
                    f.write(unit)
                    n += len(unit)
                f.write(('\n\nThe last paragraph ends with %s.\n' % MARK).encode())
        out[mb] = path
    big = max(sizes)
    line = os.path.join(work, 'oneline-%dmb.txt' % big)
    if not os.path.exists(line):
        with open(out[big], 'rb') as f, open(line, 'wb') as g:
            g.write(f.read().replace(b'\n', b' ') + b'\n')
    out['line'] = line
    return out


def run_batch(cmd, runs):
    """Median wall seconds and max peak RSS (MB) of a command whose output is discarded."""
    walls, rss = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        walls.append(time.perf_counter() - t0)
        rss.append(usage.ru_maxrss / 1024.0)
        if status != 0:
            return None
    return statistics.median(walls), max(rss)


class Tmux:
    """A private tmux server running one command in a window of a given size."""

    count = 0

    def __init__(self, cmd, cols=80, rows=24):
        # A fresh socket each time: a server just killed may still hold the old one.
        Tmux.count += 1
        self.sock = 'scholia-bench-%d-%d' % (os.getpid(), Tmux.count)
        self.t0 = time.perf_counter()
        subprocess.run(['tmux', '-L', self.sock, '-f', '/dev/null', 'new-session', '-d',
                        '-x', str(cols), '-y', str(rows), ' '.join(cmd)], check=True,
                       env=dict(os.environ, TERM='xterm-256color'))

    def screen(self):
        r = subprocess.run(['tmux', '-L', self.sock, 'capture-pane', '-p'],
                           capture_output=True, text=True)
        return r.stdout

    def wait(self, pred, timeout):
        """Seconds until pred(screen) holds, or None past the timeout."""
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < timeout:
            if pred(self.screen()):
                return time.perf_counter() - t0
            time.sleep(0.002)
        return None

    def keys(self, *keys):
        subprocess.run(['tmux', '-L', self.sock, 'send-keys'] + list(keys))

    def close(self):
        subprocess.run(['tmux', '-L', self.sock, 'kill-server'], stderr=subprocess.DEVNULL)
        time.sleep(0.2)


def first_words(path):
    """A few characters of the document's first text line, to recognise the first screen."""
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            s = line.strip().lstrip('#').strip()
            if len(s) >= 4:
                return s[:4]
    return ''


def median_runs(tool, path, timeout, runs):
    """interactive() run several times: the median of each figure."""
    res = [interactive(tool, path, timeout) for _ in range(runs)]
    out = []
    for i in range(3):
        v = [r[i] for r in res if r[i] is not None]
        out.append(statistics.median(v) if v else None)
    return out


def interactive(tool, path, timeout):
    """(first screen, end of file, search hit at the end) in seconds for one tool.

    The first screen is timed from the start of the process; the other two from the
    keystroke, in a fresh process each, after its first screen is up."""
    recipes = {
        'scholia': [BIN, path],
        'less': ['less', path],
        'vim': ['vim', '-R', '-u', 'NONE', '-i', 'NONE', path],
        'w3m': ['w3m', '-T', 'text/plain', path],
    }
    head = first_words(path)
    out = []
    for keys in (None, ['G'], ['/', MARK, 'Enter']):
        t = Tmux(recipes[tool])
        try:
            if t.wait(lambda s: head in s, timeout) is None:
                out.append(None)
                continue
            if keys is None:
                out.append(time.perf_counter() - t.t0)
                continue
            t.keys(*keys)
            # The hit must be in the text, not only in the prompt or status line.
            out.append(t.wait(lambda s: any(MARK in ln for ln in
                                            s.rstrip('\n').split('\n')[:-1]), timeout))
        finally:
            t.close()
    return out


# A reading session: while the file loads, then on the whole of it. Key names are those of
# the key table (scholia(1), --replay).
SESSION = """# while the file loads
Space *10
G
g
Space *5
j *5
/%(mark)s
g
wait
# the whole file
Space *40
b *5
] *3
Enter
Ctrl-O
Enter
Ctrl-O
/%(word)s
n *20
N *5
/the
n *10
/zzqxj
?%(word)s
n *5
G
g
d *10
u *5
resize 70x20
Space *5
resize 80x24
Space *5
G
Ctrl-O
"""


def replay(path, work, timeout):
    """Rows (key, count, p50, p90, p99, max) of a replayed session, or None."""
    keys = os.path.join(work, 'session.keys')
    report = os.path.join(work, 'session.report')
    with open(keys, 'w', encoding='utf-8') as f:
        f.write(SESSION % {'mark': MARK, 'word': '\u7f8e\u56fd'})
    if os.path.exists(report):
        os.unlink(report)
    t = Tmux([BIN, '--replay', keys, '--replay-report', report, path])
    try:
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < timeout:
            r = subprocess.run(['tmux', '-L', t.sock, 'has-session'],
                               stderr=subprocess.DEVNULL)
            if r.returncode != 0:
                break
            time.sleep(0.1)
    finally:
        t.close()
    if not os.path.exists(report):
        return None
    rows = []
    with open(report, encoding='utf-8') as f:
        for line in f.read().splitlines()[1:]:
            m = re.match(r'^(.*?)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$', line)
            if m:
                rows.append((m.group(1),) + tuple(m.groups()[1:]))
    return rows


def fmt(v, unit='s'):
    if v is None:
        return '—'
    if unit == 's':
        return '%.0f ms' % (v * 1000) if v < 1 else '%.2f s' % v
    return '%.0f MB' % v


def main():
    global BIN
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--scholia', default=os.path.join(here, '..', 'build', 'scholia'))
    ap.add_argument('--corpus', default=os.path.join(here, '..', '..', 'shared', 'corpus'))
    ap.add_argument('--sizes', default='1,10,100')
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--iruns', type=int, default=3)
    ap.add_argument('--work', default='/tmp/scholia-bench')
    ap.add_argument('--timeout', type=float, default=30)
    ap.add_argument('--skip-batch', action='store_true')
    ap.add_argument('--skip-interactive', action='store_true')
    ap.add_argument('--skip-replay', action='store_true')
    a = ap.parse_args()
    BIN = os.path.abspath(a.scholia)
    sizes = [int(s) for s in a.sizes.split(',')]
    docs = build_corpus(a.corpus, a.work, sizes)

    print('# scholia benchmark, %s, %d cores' % (time.strftime('%Y-%m-%d'), os.cpu_count()))
    print()
    big = max(sizes)
    if not a.skip_batch:
        batch_table(a, sizes, docs)
    if not a.skip_interactive:
        print()
        print('## Interactive, %d MB (median of %d; from start or keystroke to the expected '
              'screen in tmux)' % (big, a.iruns))
        print()
        print('| tool | first screen | end of file (G) | search hit at the end |')
        print('|---|---|---|---|')
        for tool in ('scholia', 'less', 'vim', 'w3m'):
            if tool != 'scholia' and shutil.which(tool) is None:
                continue
            for label, path in (('', docs[big]), (' (one line)', docs['line'])):
                r = median_runs(tool, path, a.timeout, a.iruns)
                print('| %s%s | %s |' % (tool, label, ' | '.join(fmt(x) for x in r)))
    if not a.skip_replay:
        print()
        print('## Replayed session, %d MB (scholia --replay in tmux: each key from the moment '
              'it is taken until the screen is drawn)' % big)
        print()
        rows = replay(docs[big], a.work, max(a.timeout, 120))
        if not rows:
            print('(no report)')
        else:
            print('| key | count | p50 ms | p90 ms | p99 ms | max ms |')
            print('|---|---|---|---|---|---|')
            for r in rows:
                print('| %s |' % ' | '.join(r))


def batch_table(a, sizes, docs):
    """Whole-document renders of every size by scholia and its peers."""
    print('## Whole-document render at 80 columns (median of %d; peak memory)' % a.runs)
    print()
    batch = [
        ('scholia --dump', [BIN, '--dump', '--width', '80']),
        ('scholia --export json', [BIN, '--export', 'json']),
        ('lowdown -tterm', ['lowdown', '-tterm', '--term-columns=80']),
        ('cmark-gfm -t plaintext', ['cmark-gfm', '-t', 'plaintext', '--width', '80']),
        ('w3m -dump', ['w3m', '-dump', '-cols', '80', '-T', 'text/plain']),
    ]
    print('| command | ' + ' | '.join('%d MB' % s for s in sizes) + ' | peak memory (largest) |')
    print('|---|' + '---|' * len(sizes) + '---|')
    results = {}
    for name, cmd in batch:
        if shutil.which(cmd[0]) is None and not os.path.exists(cmd[0]):
            continue
        row, peak = [], None
        for s in sizes:
            r = run_batch(cmd + [docs[s]], a.runs)
            results[(name, s)] = r
            row.append(fmt(r and r[0]))
            peak = r and r[1]
        print('| %s | %s | %s |' % (name, ' | '.join(row), fmt(peak, 'MB')))
    big = max(sizes)
    base = results.get(('scholia --dump', big))
    for peer in ('lowdown -tterm', 'cmark-gfm -t plaintext', 'w3m -dump'):
        other = results.get((peer, big))
        if base and other:
            print('\nscholia --dump / %s at %d MB: %.2fx the time' % (peer, big, base[0] / other[0]))


if __name__ == '__main__':
    sys.exit(main())

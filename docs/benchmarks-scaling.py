#!/usr/bin/env python3
"""Draws docs/benchmarks-scaling.svg: time and peak memory from S to XL, log-log.

The figures are those of the scaling table in docs/benchmarks.md (Footprint's HiGHS backend, one
core, gap 1e-4 for S, M and L; LL at 1 % in 300 s; XL's build alone). Run it after changing them:
    python3 docs/benchmarks-scaling.py > docs/benchmarks-scaling.svg
"""
import math

# size: (nonzeros, seconds, MiB)
PLAIN = {"S": (9668, 1.99, 186), "M": (18363, 10.01, 275), "L": (45466, 15.52, 415)}
LL_NONZEROS = 1331689
LL_PLAIN = (350, 3714)  # HiGHS at its 300 s limit, no plan (build + solve), resident MiB
LL_WARM = (149.4, 1693)  # with the warm start: 0.82 % proven (build 5.1 s + solve 144.3 s)
XL = (102740063, 117, 23800)  # the build alone; killed for memory

BLUE, GREEN, RED = "#1f77b4", "#2ca02c", "#d62728"


def panel(out, x0, title, ylabel, decades, point):
    """One log-log panel: x from 1e3 to 1e9 nonzeros, y over the given decades."""
    w, top, bottom = 300, 20, 260
    lo, hi = decades

    def px(nz):
        return x0 + (math.log10(nz) - 3) / 6 * w

    def py(v):
        return bottom - (math.log10(v) - lo) / (hi - lo) * (bottom - top)

    out.append(f'<text x="{x0 + 130}" y="16" text-anchor="middle" font-weight="bold">{title}</text>')
    out.append(f'<line x1="{x0}" y1="{bottom}" x2="{x0 + w}" y2="{bottom}" stroke="#333"/>')
    out.append(f'<line x1="{x0}" y1="{top}" x2="{x0}" y2="{bottom}" stroke="#333"/>')
    for e in range(3, 10):
        x = px(10**e)
        out.append(f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 5}" stroke="#333"/>'
                   f'<text x="{x:.1f}" y="{bottom + 18}" text-anchor="middle" font-size="11">1e{e}</text>')
    for e in range(lo, hi + 1):
        y = py(10**e)
        out.append(f'<line x1="{x0 - 5}" y1="{y:.1f}" x2="{x0}" y2="{y:.1f}" stroke="#333"/>'
                   f'<text x="{x0 - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{10**e}</text>')
        out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x0 + w}" y2="{y:.1f}" stroke="#ddd"/>')
    out.append(f'<text x="{x0 + w / 2 + 5}" y="292" text-anchor="middle" font-size="12">nonzeros of the MILP</text>')
    out.append(f'<text transform="translate({x0 - 46},140) rotate(-90)" text-anchor="middle" font-size="12">{ylabel}</text>')
    prev = None
    for name, (nz, t, m) in PLAIN.items():
        x, y = px(nz), py(point(t, m))
        if prev:
            out.append(f'<line x1="{prev[0]:.1f}" y1="{prev[1]:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{BLUE}"/>')
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{BLUE}"/>'
                   f'<text x="{x + 6:.1f}" y="{y - 6:.1f}" font-size="11">{name}</text>')
        prev = (x, y)
    x, y = px(LL_NONZEROS), py(point(*LL_PLAIN))
    out.append(f'<line x1="{prev[0]:.1f}" y1="{prev[1]:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{BLUE}"/>')
    out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="white" stroke="{BLUE}" stroke-width="2"/>'
               f'<text x="{x - 8:.1f}" y="{y - 8:.1f}" text-anchor="end" font-size="11">LL plain</text>')
    xw, yw = px(LL_NONZEROS), py(point(*LL_WARM))
    out.append(f'<circle cx="{xw:.1f}" cy="{yw:.1f}" r="4" fill="{GREEN}"/>'
               f'<text x="{xw + 6:.1f}" y="{yw + 14:.1f}" font-size="11" fill="{GREEN}">LL warm start</text>')
    xx, yx = px(XL[0]), py(point(XL[1], XL[2]))
    out.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{xx:.1f}" y2="{yx:.1f}" stroke="{RED}" stroke-dasharray="4 3"/>')
    out.append(f'<rect x="{xx - 4:.1f}" y="{yx - 4:.1f}" width="8" height="8" fill="{RED}"/>')
    return xx, yx


def main():
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="760" height="330" font-family="sans-serif" font-size="12">',
           '<rect width="100%" height="100%" fill="white"/>']
    xx, yx = panel(out, 60, "Time (build + solve)", "seconds", (0, 4), lambda t, m: t)
    out.append(f'<text x="{xx:.1f}" y="{yx - 10:.1f}" text-anchor="middle" font-size="11" fill="{RED}">XL: build alone</text>')
    xx, yx = panel(out, 440, "Peak memory (resident)", "MiB", (2, 6), lambda t, m: m)
    out.append(f'<text x="{xx - 8:.1f}" y="{yx + 4:.1f}" text-anchor="end" font-size="11" fill="{RED}">XL: killed at</text>')
    out.append('<text x="50" y="318" font-size="11">filled: proven plan; open: time limit, no plan; '
               'square: a lower limit (XL never reached a solve)</text>')
    out.append('</svg>')
    print("\n".join(out))


if __name__ == "__main__":
    main()

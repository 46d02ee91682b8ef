// Draws the demo paper's photos: flat illustrations of each scene as SVG,
// rasterised to JPEG with sharp. Deterministic (seeded), no third-party images.
import sharp from "sharp";

export const PHOTO_MOTIFS = [
  "river",
  "rice-field",
  "city-street",
  "market",
  "sea",
  "festival",
  "classroom",
  "construction",
  "shrimp-pond",
  "wind-farm",
  "stadium",
  "pagoda",
  "meeting-hall",
  "salt-field",
] as const;
export type PhotoMotif = (typeof PHOTO_MOTIFS)[number];

export function isPhotoMotif(x: string): x is PhotoMotif {
  return (PHOTO_MOTIFS as readonly string[]).includes(x);
}

export interface DemoPhoto {
  data: Uint8Array;
  width: number;
  height: number;
  mime: "image/jpeg";
}

type Rand = () => number;

function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const W = 1600;
const H = 900;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const range = (r: Rand, lo: number, hi: number) => lo + r() * (hi - lo);
const times = (n: number) => Array.from({ length: n }, (_, i) => i);

const SKIES = [
  ["#7fb8e6", "#d9eef7"], // midday
  ["#f6b26b", "#fde3c0"], // late afternoon
  ["#9fc5e8", "#f3f0d9"], // morning haze
  ["#8e9fb8", "#d7dbe0"], // overcast rainy season
] as const;

function sky(r: Rand, horizon: number): string {
  const [top, bottom] = pick(r, SKIES);
  const sun =
    r() < 0.7
      ? `<circle cx="${range(r, 150, 1450)}" cy="${range(r, 90, horizon - 120)}" r="${range(r, 40, 70)}" fill="#fff4c2" opacity=".9"/>`
      : "";
  const clouds = times(Math.floor(range(r, 2, 6)))
    .map(() => {
      const x = range(r, 0, W),
        y = range(r, 40, horizon * 0.6),
        s = range(r, 0.6, 1.4);
      return `<g fill="#fff" opacity=".85" transform="translate(${x} ${y}) scale(${s})"><ellipse cx="0" cy="0" rx="90" ry="28"/><ellipse cx="50" cy="-18" rx="60" ry="30"/><ellipse cx="-45" cy="-10" rx="50" ry="22"/></g>`;
    })
    .join("");
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${W}" height="${horizon}" fill="url(#sky)"/>${sun}${clouds}`;
}

function palm(x: number, y: number, h: number, lean: number): string {
  const tx = x + lean,
    ty = y - h;
  const leaves = times(7)
    .map((i) => {
      const a = (i / 7) * Math.PI * 2;
      const ex = tx + Math.cos(a) * h * 0.35,
        ey = ty + Math.sin(a) * h * 0.18 + h * 0.06;
      return `<path d="M${tx} ${ty} Q${(tx + ex) / 2} ${ty - h * 0.12} ${ex} ${ey}" stroke="#2f6b2f" stroke-width="${h * 0.05}" fill="none" stroke-linecap="round"/>`;
    })
    .join("");
  return `<path d="M${x} ${y} Q${x + lean * 0.3} ${y - h * 0.5} ${tx} ${ty}" stroke="#6b4f2a" stroke-width="${h * 0.045}" fill="none"/>${leaves}`;
}

function treeLine(r: Rand, y: number, color: string): string {
  let d = `M0 ${y}`;
  for (let x = 0; x <= W; x += 40) d += ` Q${x + 20} ${y - range(r, 20, 70)} ${x + 40} ${y - range(r, 0, 25)}`;
  return `<path d="${d} L${W} ${y + 10} L0 ${y + 10}Z" fill="${color}"/>`;
}

function person(x: number, y: number, s: number, shirt: string): string {
  return `<g transform="translate(${x} ${y}) scale(${s})"><circle cx="0" cy="-62" r="10" fill="#8d5a3b"/><path d="M-14 -66 L0 -82 L14 -66Z" fill="#e8d9a8"/><rect x="-11" y="-52" width="22" height="30" rx="6" fill="${shirt}"/><rect x="-9" y="-22" width="7" height="22" fill="#333"/><rect x="2" y="-22" width="7" height="22" fill="#333"/></g>`;
}

const SHIRTS = ["#c0392b", "#2e86c1", "#f4d03f", "#7d3c98", "#17a589", "#ecf0f1", "#e67e22"];

function water(r: Rand, top: number, color: string): string {
  const ripples = times(40)
    .map(() => {
      const x = range(r, 0, W),
        y = range(r, top + 10, H),
        w = range(r, 30, 140);
      return `<rect x="${x}" y="${y}" width="${w}" height="3" rx="1.5" fill="#fff" opacity="${range(r, 0.15, 0.45)}"/>`;
    })
    .join("");
  return `<rect y="${top}" width="${W}" height="${H - top}" fill="${color}"/>${ripples}`;
}

function boat(x: number, y: number, s: number, color: string): string {
  return `<g transform="translate(${x} ${y}) scale(${s})"><path d="M-120 0 Q0 40 120 0 L100 -20 L-100 -20Z" fill="${color}"/><rect x="-30" y="-55" width="60" height="35" fill="#d35400"/><path d="M-40 -55 L0 -75 L40 -55Z" fill="#a04000"/></g>`;
}

const scenes: Record<PhotoMotif, (r: Rand) => string> = {
  river: (r) => {
    const hz = range(r, 330, 420);
    return (
      sky(r, hz) +
      treeLine(r, hz + 10, "#3e7b3a") +
      times(5)
        .map(() => palm(range(r, 0, W), hz + 20, range(r, 140, 220), range(r, -40, 40)))
        .join("") +
      water(r, hz + 20, "#5d8aa8") +
      boat(range(r, 300, 1300), range(r, hz + 180, H - 120), range(r, 0.9, 1.5), "#6e2c00")
    );
  },
  "rice-field": (r) => {
    const hz = range(r, 300, 380);
    const rows = times(14)
      .map((i) => {
        const y = hz + 10 + (i / 14) ** 1.6 * (H - hz);
        return `<rect y="${y}" width="${W}" height="${6 + i * 2}" fill="${i % 2 ? "#7cb342" : "#9ccc65"}"/>`;
      })
      .join("");
    const farmers = times(Math.floor(range(r, 2, 5)))
      .map(() => person(range(r, 200, 1400), range(r, hz + 200, H - 40), range(r, 1.3, 2.2), pick(r, SHIRTS)))
      .join("");
    return (
      sky(r, hz) +
      treeLine(r, hz + 10, "#4e7d33") +
      `<rect y="${hz + 10}" width="${W}" height="${H - hz}" fill="#8bc34a"/>` +
      rows +
      farmers
    );
  },
  "city-street": (r) => {
    const hz = 560;
    const buildings = times(9)
      .map((i) => {
        const w = W / 9,
          h = range(r, 220, 480),
          x = i * w;
        const wins = times(12)
          .map(
            (k) =>
              `<rect x="${x + 18 + (k % 3) * (w / 3.3)}" y="${hz - h + 30 + Math.floor(k / 3) * 70}" width="${w / 6}" height="34" fill="#fdf2c4" opacity=".8"/>`,
          )
          .join("");
        return `<rect x="${x}" y="${hz - h}" width="${w - 6}" height="${h}" fill="${pick(r, ["#f5cba7", "#d6eaf8", "#fad7a0", "#e8daef", "#f9e79f", "#d5f5e3"])}"/>${wins}`;
      })
      .join("");
    const bikes = times(6)
      .map(() => {
        const x = range(r, 100, 1500),
          y = range(r, hz + 90, H - 40);
        return `<g><circle cx="${x - 30}" cy="${y}" r="18" fill="#222"/><circle cx="${x + 30}" cy="${y}" r="18" fill="#222"/><rect x="${x - 35}" y="${y - 30}" width="70" height="18" rx="6" fill="${pick(r, SHIRTS)}"/>${person(x, y - 18, 1.1, pick(r, SHIRTS))}</g>`;
      })
      .join("");
    return (
      sky(r, hz) +
      buildings +
      `<rect y="${hz}" width="${W}" height="${H - hz}" fill="#7f8c8d"/><rect y="${hz + 150}" width="${W}" height="8" fill="#ecf0f1" stroke-dasharray="60 40"/>` +
      times(8)
        .map((i) => palm(i * 210 + 60, hz + 30, 200, 10))
        .join("") +
      bikes
    );
  },
  market: (r) => {
    const hz = 420;
    const stalls = times(5)
      .map((i) => {
        const x = 40 + i * 310,
          c = pick(r, ["#c0392b", "#2471a3", "#d68910", "#239b56"]);
        const fruit = times(18)
          .map(
            () =>
              `<circle cx="${x + range(r, 20, 260)}" cy="${range(r, 600, 650)}" r="${range(r, 10, 18)}" fill="${pick(r, ["#f39c12", "#e74c3c", "#f1c40f", "#27ae60", "#8e44ad"])}"/>`,
          )
          .join("");
        return `<path d="M${x} 470 L${x + 140} 400 L${x + 280} 470Z" fill="${c}"/><rect x="${x}" y="470" width="280" height="30" fill="${c}" opacity=".8"/><rect x="${x + 10}" y="500" width="8" height="160" fill="#5d4037"/><rect x="${x + 262}" y="500" width="8" height="160" fill="#5d4037"/><rect x="${x}" y="640" width="280" height="30" fill="#8d6e63"/>${fruit}`;
      })
      .join("");
    const people = times(7)
      .map(() => person(range(r, 50, 1550), range(r, 780, 880), range(r, 1.6, 2.2), pick(r, SHIRTS)))
      .join("");
    return `${sky(r, hz)}<rect y="${hz}" width="${W}" height="${H - hz}" fill="#bfa58a"/>${stalls}${people}`;
  },
  sea: (r) => {
    const hz = range(r, 380, 450);
    return (
      sky(r, hz) +
      water(r, hz, "#2e86c1") +
      `<path d="M0 ${H - 180} Q400 ${H - 240} 800 ${H - 200} T1600 ${H - 220} V${H} H0Z" fill="#f7dc6f"/>` +
      times(3)
        .map(() => palm(range(r, 100, 1500), H - 160, range(r, 220, 320), range(r, -60, 60)))
        .join("") +
      boat(range(r, 200, 1400), hz + 60, 0.6, "#1a5276")
    );
  },
  festival: (r) => {
    const hz = 380;
    const flags = times(30)
      .map(
        (i) =>
          `<path d="M${i * 55} 120 L${i * 55 + 40} 120 L${i * 55 + 20} 160Z" fill="${pick(r, ["#e74c3c", "#f1c40f", "#3498db", "#2ecc71"])}"/>`,
      )
      .join("");
    const lanterns = times(10)
      .map(() => {
        const x = range(r, 50, 1550),
          y = range(r, 190, 330);
        return `<line x1="${x}" y1="120" x2="${x}" y2="${y - 30}" stroke="#555"/><ellipse cx="${x}" cy="${y}" rx="26" ry="34" fill="#e74c3c"/><rect x="${x - 10}" y="${y + 30}" width="20" height="8" fill="#f1c40f"/>`;
      })
      .join("");
    const crowd = times(24)
      .map(() => person(range(r, 0, W), range(r, 720, 900), range(r, 1.6, 2.4), pick(r, SHIRTS)))
      .join("");
    return (
      sky(r, hz) +
      `<line x1="0" y1="120" x2="${W}" y2="120" stroke="#555" stroke-width="3"/>` +
      flags +
      lanterns +
      water(r, hz, "#4a7ba6") +
      `<path d="M200 ${hz + 140} L1400 ${hz + 140} L1300 ${hz + 180} L300 ${hz + 180}Z" fill="#b9770e"/>` +
      times(20)
        .map((i) => person(320 + i * 50, hz + 145, 0.9, "#f1c40f"))
        .join("") +
      `<rect y="700" width="${W}" height="200" fill="#6e8b3d"/>` +
      crowd
    );
  },
  classroom: (r) => {
    const board =
      `<rect x="300" y="90" width="1000" height="330" fill="#1e5631" stroke="#8d6e63" stroke-width="16"/>` +
      times(5)
        .map(
          (i) =>
            `<rect x="360" y="${150 + i * 50}" width="${range(r, 300, 800)}" height="6" fill="#ecf0f1" opacity=".7"/>`,
        )
        .join("");
    const desks = times(8)
      .map((i) => {
        const x = 160 + (i % 4) * 340,
          y = 560 + Math.floor(i / 4) * 180;
        return `${person(x + 70, y + 10, 1.8, "#ecf0f1")}<rect x="${x}" y="${y}" width="260" height="26" fill="#a0522d"/><rect x="${x + 10}" y="${y + 26}" width="12" height="90" fill="#6d3b1e"/><rect x="${x + 238}" y="${y + 26}" width="12" height="90" fill="#6d3b1e"/>`;
      })
      .join("");
    return (
      `<rect width="${W}" height="${H}" fill="${pick(r, ["#fdf2e9", "#f4f6f7", "#fef9e7"])}"/><rect y="760" width="${W}" height="140" fill="#d5c4a1"/>` +
      board +
      `<rect x="1380" y="120" width="180" height="240" fill="#aed6f1" stroke="#fff" stroke-width="10"/>` +
      desks
    );
  },
  construction: (r) => {
    const hz = 520;
    const crane = `<rect x="1100" y="120" width="24" height="${hz - 120}" fill="#f1c40f"/><rect x="700" y="120" width="700" height="20" fill="#f1c40f"/><line x1="800" y1="140" x2="800" y2="${range(r, 260, 380)}" stroke="#333" stroke-width="4"/>`;
    const floors = times(Math.floor(range(r, 4, 7)))
      .map(
        (i) =>
          `<rect x="300" y="${hz - (i + 1) * 60}" width="600" height="10" fill="#95a5a6"/>` +
          times(6)
            .map(
              (k) => `<rect x="${310 + k * 115}" y="${hz - (i + 1) * 60 + 10}" width="12" height="50" fill="#7f8c8d"/>`,
            )
            .join(""),
      )
      .join("");
    const workers = times(5)
      .map(() => person(range(r, 100, 1500), range(r, hz + 120, H - 30), range(r, 1.6, 2.1), "#e67e22"))
      .join("");
    return (
      sky(r, hz) +
      crane +
      floors +
      `<rect y="${hz}" width="${W}" height="${H - hz}" fill="#c8a97e"/>` +
      `<path d="M0 ${hz + 80} L${W} ${hz + 60} L${W} ${hz + 130} L0 ${hz + 150}Z" fill="#5d6d7e"/>` +
      workers
    );
  },
  "shrimp-pond": (r) => {
    const hz = range(r, 320, 380);
    const ponds = times(6)
      .map((i) => {
        const x = (i % 3) * 540 + 20,
          y = hz + 40 + Math.floor(i / 3) * 250;
        return `<rect x="${x}" y="${y}" width="500" height="210" fill="#6d9eb8" stroke="#8d6e63" stroke-width="18"/><g stroke="#fff" stroke-width="4" opacity=".8"><line x1="${x + 200}" y1="${y + 100}" x2="${x + 300}" y2="${y + 100}"/><line x1="${x + 250}" y1="${y + 60}" x2="${x + 250}" y2="${y + 140}"/></g>`;
      })
      .join("");
    return (
      sky(r, hz) +
      treeLine(r, hz + 30, "#3d6b35") +
      `<rect y="${hz + 30}" width="${W}" height="${H}" fill="#a1887f"/>` +
      ponds +
      person(range(r, 300, 1300), hz + 290, 2, "#2e86c1")
    );
  },
  "wind-farm": (r) => {
    const hz = range(r, 480, 560);
    const turbines = times(Math.floor(range(r, 4, 7)))
      .map(() => {
        const x = range(r, 80, 1520),
          s = range(r, 0.6, 1.3),
          top = hz - 360 * s,
          a = range(r, 0, 120);
        const blades = [0, 120, 240]
          .map(
            (d) =>
              `<rect x="-6" y="-${200 * s}" width="12" height="${200 * s}" rx="6" fill="#fdfefe" transform="rotate(${a + d})"/>`,
          )
          .join("");
        return `<rect x="${x - 7 * s}" y="${top}" width="${14 * s}" height="${hz - top + 40}" fill="#ecf0f1"/><g transform="translate(${x} ${top})">${blades}<circle r="${12 * s}" fill="#d5dbdb"/></g>`;
      })
      .join("");
    return (
      sky(r, hz) +
      water(r, hz, "#5499c7") +
      turbines +
      `<path d="M0 ${H - 120} Q800 ${H - 190} 1600 ${H - 140} V${H} H0Z" fill="#d4ac6e"/>`
    );
  },
  stadium: (r) => {
    const stands = times(6)
      .map(
        (i) =>
          `<rect y="${220 + i * 40}" width="${W}" height="36" fill="${i % 2 ? "#5d6d7e" : "#85929e"}"/>` +
          times(70)
            .map(
              () =>
                `<circle cx="${range(r, 0, W)}" cy="${226 + i * 40 + range(r, 0, 24)}" r="7" fill="${pick(r, SHIRTS)}"/>`,
            )
            .join(""),
      )
      .join("");
    const players = times(8)
      .map(() => person(range(r, 150, 1450), range(r, 620, 860), range(r, 1.3, 1.8), pick(r, ["#c0392b", "#f4f6f7"])))
      .join("");
    return (
      sky(r, 220) +
      stands +
      `<rect y="460" width="${W}" height="440" fill="#27ae60"/>` +
      times(8)
        .map((i) => `<rect x="${i * 200}" y="460" width="100" height="440" fill="#2ecc71" opacity=".35"/>`)
        .join("") +
      `<rect x="100" y="500" width="1400" height="370" fill="none" stroke="#fff" stroke-width="6"/><line x1="800" y1="500" x2="800" y2="870" stroke="#fff" stroke-width="6"/><circle cx="800" cy="685" r="80" fill="none" stroke="#fff" stroke-width="6"/>` +
      players +
      `<circle cx="${range(r, 300, 1300)}" cy="${range(r, 640, 820)}" r="12" fill="#fff"/>`
    );
  },
  pagoda: (r) => {
    const hz = 640;
    const tiers = times(3)
      .map((i) => {
        const w = 900 - i * 230,
          y = 520 - i * 120,
          x = 800 - w / 2;
        return `<path d="M${x - 40} ${y} L${x + w / 2} ${y - 110} L${x + w + 40} ${y}Z" fill="${i % 2 ? "#d35400" : "#c0392b"}"/><path d="M${x - 40} ${y} q-30 -10 -40 -50" stroke="#f1c40f" stroke-width="10" fill="none"/><path d="M${x + w + 40} ${y} q30 -10 40 -50" stroke="#f1c40f" stroke-width="10" fill="none"/>`;
      })
      .join("");
    return (
      sky(r, hz) +
      `<rect y="${hz}" width="${W}" height="90" fill="#6aa84f"/>` +
      treeLine(r, hz, "#3e7b3a") +
      times(4)
        .map((i) => palm(i < 2 ? 120 + i * 150 : 1200 + i * 90, hz + 40, 260, 20))
        .join("") +
      `<rect x="380" y="520" width="840" height="200" fill="#f5cba7"/>` +
      times(6)
        .map((i) => `<rect x="${420 + i * 135}" y="560" width="40" height="160" fill="#f1c40f"/>`)
        .join("") +
      tiers +
      `<path d="M800 130 L790 170 L810 170Z" fill="#f1c40f"/><rect y="720" width="${W}" height="180" fill="#a9cce3"/>` +
      times(5)
        .map(() => person(range(r, 200, 1400), range(r, 820, 890), 1.8, "#f39c12"))
        .join("")
    );
  },
  "meeting-hall": (r) => {
    const stage =
      `<rect x="200" y="80" width="1200" height="330" fill="#922b21"/><rect x="260" y="120" width="1080" height="200" fill="#c0392b"/>` +
      times(4)
        .map((i) => `<rect x="${320 + i * 250}" y="190" width="${range(r, 120, 220)}" height="14" fill="#f9e79f"/>`)
        .join("") +
      `<circle cx="800" cy="160" r="26" fill="#f1c40f"/><rect x="300" y="410" width="1000" height="60" fill="#f5f5f5"/>`;
    const rows = times(4)
      .map((row) =>
        times(12)
          .map((k) =>
            person(170 + k * 115 + (row % 2) * 40, 620 + row * 80, 1.5, pick(r, ["#ecf0f1", "#d6eaf8", "#2c3e50"])),
          )
          .join(""),
      )
      .join("");
    return (
      `<rect width="${W}" height="${H}" fill="#f2e6d0"/><rect y="480" width="${W}" height="420" fill="#b08d57"/>` +
      stage +
      rows
    );
  },
  "salt-field": (r) => {
    const hz = range(r, 320, 400);
    const plots = times(12)
      .map((i) => {
        const x = (i % 4) * 400,
          y = hz + 20 + Math.floor(i / 4) * ((H - hz) / 3);
        return `<rect x="${x + 10}" y="${y + 8}" width="380" height="${(H - hz) / 3 - 16}" fill="${pick(r, ["#d6eaf8", "#ebf5fb", "#d4e6f1"])}" stroke="#a1887f" stroke-width="8"/>`;
      })
      .join("");
    const mounds = times(6)
      .map(() => {
        const x = range(r, 60, 1540),
          y = range(r, hz + 120, H - 30),
          s = range(r, 0.7, 1.3);
        return `<path d="M${x - 70 * s} ${y} Q${x} ${y - 110 * s} ${x + 70 * s} ${y}Z" fill="#fdfefe" stroke="#d5d8dc"/>`;
      })
      .join("");
    return (
      sky(r, hz) +
      `<rect y="${hz}" width="${W}" height="${H - hz}" fill="#bcaaa4"/>` +
      plots +
      mounds +
      times(3)
        .map(() => person(range(r, 200, 1400), range(r, hz + 150, H - 20), 2, "#f4f6f7"))
        .join("")
    );
  },
};

/** Deterministic: the same motif and seed give the same bytes. */
export async function renderDemoPhoto(motif: PhotoMotif, seed: number, width = W, height = H): Promise<DemoPhoto> {
  const r = mulberry32(seed * 7919 + PHOTO_MOTIFS.indexOf(motif));
  // Film-like grain, so the JPEG weighs what a real photo of its size would.
  const grain = `<filter id="grain"><feTurbulence type="fractalNoise" baseFrequency=".9" numOctaves="2" seed="${seed}"/><feColorMatrix values="0 0 0 0 .5  0 0 0 0 .5  0 0 0 0 .5  0 0 0 .16 0"/></filter>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${scenes[motif](r)}<defs>${grain}</defs><rect width="${W}" height="${H}" filter="url(#grain)"/></svg>`;
  const data = await sharp(Buffer.from(svg)).resize(width, height).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  return { data: new Uint8Array(data), width, height, mime: "image/jpeg" };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdir, writeFile } = await import("node:fs/promises");
  const dir = process.argv[2] ?? "/tmp/demo-photos";
  await mkdir(dir, { recursive: true });
  for (const [i, motif] of PHOTO_MOTIFS.entries()) {
    const photo = await renderDemoPhoto(motif, i + 1);
    await writeFile(`${dir}/${motif}.jpg`, photo.data);
    console.log(motif, photo.data.byteLength);
  }
}

// The Sn19 dashboard: one page, no framework and no build step. It reads /api/overview (front page) or
// /api/miners/{hotkey} (a miner's page), draws tables and SVG charts with DOM calls (never innerHTML, so a
// hostile string from the chain stays text), and fetches again every refreshSeconds.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const COLORS = ["#2f6fde", "#d9822b", "#2c9a5b", "#a04ad4", "#c8402f", "#1a9bb0", "#7a6f2b", "#d04f95"];
let refreshSeconds = 10;

// ---- small DOM helpers -------------------------------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function fmt(value, digits = 3) {
  const n = value === null || value === undefined ? NaN : Number(value);
  return Number.isFinite(n) ? n.toFixed(digits) : "–";
}

function short(hotkey) {
  return hotkey.length > 12 ? hotkey.slice(0, 6) + "…" + hotkey.slice(-4) : hotkey;
}

function time(iso) {
  return new Date(iso).toISOString().replace("T", " ").slice(0, 19) + " UTC";
}

function minerLink(hotkey) {
  return el("a", { href: "/miners/" + encodeURIComponent(hotkey), class: "mono", title: hotkey }, short(hotkey));
}

function card(title, note, ...body) {
  return el("section", { class: "card" }, el("h2", {}, title, note ? el("small", {}, note) : null), ...body);
}

function table(headers, rows, attrs) {
  const head = el("tr", {}, headers.map(h => el("th", { class: h.left ? "l" : null }, h.label ?? h)));
  return el("table", attrs || {}, el("thead", {}, head), el("tbody", {}, rows));
}

// A long table shows its first rows and a button for the rest: a subnet of 256 miners has 256 rows per task, and
// drawing every one of them up front would make the page slow to appear for the rows few people scroll to.
const FIRST_ROWS = 32;
function expandable(headers, items, render, attrs) {
  const shown = table(headers, items.slice(0, FIRST_ROWS).map(render), attrs);
  if (items.length <= FIRST_ROWS) return shown;
  const more = el("button", { type: "button", class: "more" }, `Show all ${items.length}`);
  more.addEventListener("click", () => {
    shown.tBodies[0].append(...items.slice(FIRST_ROWS).map(render));
    more.remove();
  });
  return el("div", {}, shown, more);
}

// ---- charts ------------------------------------------------------------------------------------------------
function scale(domain, range) {
  const [d0, d1] = domain[0] === domain[1] ? [domain[0] - 1, domain[1] + 1] : domain;
  return v => range[0] + ((v - d0) / (d1 - d0)) * (range[1] - range[0]);
}

// The range of the finite values (from floor when given); a single value gets room around it, so its axis has ticks.
function extent(values, floor, pad) {
  const finite = values.filter(v => v !== null && Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  const lo = floor === undefined ? Math.min(...finite) : Math.min(floor, ...finite);
  const hi = Math.max(...finite);
  if (hi > lo) return [lo, hi];
  const room = pad ?? (Math.abs(hi) * 0.1 || 1);
  return floor === undefined ? [lo - room, hi + room] : [lo, hi + room];
}

function axes(chart, x, y, xDomain, yDomain, size, labels) {
  const { w, h, m } = size;
  for (let i = 0; i <= 4; i++) {
    const yv = yDomain[0] + (i / 4) * (yDomain[1] - yDomain[0]);
    const xv = xDomain[0] + (i / 4) * (xDomain[1] - xDomain[0]);
    chart.append(svg("line", { class: "grid", x1: m.l, x2: w - m.r, y1: y(yv), y2: y(yv) }));
    chart.append(svg("text", { x: m.l - 6, y: y(yv) + 4, "text-anchor": "end" }, compact(yv)));
    chart.append(svg("text", { x: x(xv), y: h - m.b + 16, "text-anchor": "middle" }, labels.xFormat ? labels.xFormat(xv) : compact(xv)));
  }
  chart.append(svg("line", { class: "axis", x1: m.l, x2: w - m.r, y1: h - m.b, y2: h - m.b }));
  chart.append(svg("line", { class: "axis", x1: m.l, x2: m.l, y1: m.t, y2: h - m.b }));
  chart.append(svg("text", { x: (m.l + w - m.r) / 2, y: h - 4, "text-anchor": "middle" }, labels.x));
  chart.append(svg("text", { x: 12, y: (m.t + h - m.b) / 2, transform: `rotate(-90 12 ${(m.t + h - m.b) / 2})`, "text-anchor": "middle" }, labels.y));
}

function compact(v) {
  const a = Math.abs(v);
  return a >= 1000 ? (v / 1000).toFixed(a >= 10000 ? 0 : 1) + "k" : a >= 10 ? v.toFixed(0) : a >= 1 ? v.toFixed(1) : v.toFixed(2);
}

// Declared volume against measured speed, one point per miner, its colour the period score (grey: not scored).
function scatter(task) {
  const size = { w: 460, h: 300, m: { l: 50, r: 16, t: 12, b: 36 } };
  const rows = task.rows;
  const xDomain = extent(rows.map(r => r.declaredCapacity), 0);
  const yDomain = extent(rows.map(r => r.tokensPerSecond), 0);
  const x = scale(xDomain, [size.m.l, size.w - size.m.r]);
  const y = scale(yDomain, [size.h - size.m.b, size.m.t]);
  const chart = svg("svg", { viewBox: `0 0 ${size.w} ${size.h}`, width: size.w, height: size.h, "data-plot": "scatter", "data-task": task.taskId, role: "img" });
  chart.append(svg("title", {}, `Declared volume against speed, ${task.taskId}`));
  axes(chart, x, y, xDomain, yDomain, size, { x: "declared volume (capacity)", y: "speed (tokens/s)" });
  for (const r of rows) {
    const score = r.periodScore;
    const fill = score === null || score === undefined ? "#b9bfcc" : `hsl(${Math.round(120 * Math.min(1, Math.max(0, score)))}, 60%, 45%)`;
    const point = svg("circle", {
      cx: x(r.declaredCapacity), cy: y(Number.isFinite(r.tokensPerSecond) ? r.tokensPerSecond : 0), r: 5, fill, "fill-opacity": 0.85,
      "data-hotkey": r.hotkey, "data-uid": r.uid ?? "",
    });
    point.append(svg("title", {}, `uid ${r.uid ?? "–"} ${r.hotkey}\ndeclared ${fmt(r.declaredCapacity, 0)}, speed ${fmt(r.tokensPerSecond, 1)} tok/s, score ${fmt(score)}`));
    point.style.cursor = "pointer";
    point.addEventListener("click", () => { location.href = "/miners/" + encodeURIComponent(r.hotkey); });
    chart.append(point);
  }
  return chart;
}

// One line per series over time (x: the periods' end times).
function lines(title, series, yLabel, attrs) {
  const size = { w: 520, h: 220, m: { l: 50, r: 16, t: 12, b: 36 } };
  const all = series.flatMap(s => s.points);
  const xDomain = extent(all.map(p => p.t), undefined, 60_000);
  const yDomain = extent(all.map(p => p.v), 0);
  const x = scale(xDomain, [size.m.l, size.w - size.m.r]);
  const y = scale(yDomain, [size.h - size.m.b, size.m.t]);
  const chart = svg("svg", { viewBox: `0 0 ${size.w} ${size.h}`, width: size.w, height: size.h, role: "img", ...(attrs || {}) });
  chart.append(svg("title", {}, title));
  axes(chart, x, y, xDomain, yDomain, size, { x: "time (UTC)", y: yLabel, xFormat: t => new Date(t).toISOString().slice(5, 16).replace("T", " ") });
  series.forEach((s, i) => {
    const points = s.points.filter(p => p.v !== null && Number.isFinite(p.v));
    if (points.length === 0) return;
    const d = points.map((p, j) => `${j ? "L" : "M"}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join("");
    chart.append(svg("path", { d, fill: "none", stroke: COLORS[i % COLORS.length], "stroke-width": 1.6 }));
    if (points.length === 1) chart.append(svg("circle", { cx: x(points[0].t), cy: y(points[0].v), r: 3, fill: COLORS[i % COLORS.length] }));
  });
  const legend = el("div", { class: "legend" }, series.map((s, i) => el("span", {}, el("i", { style: `background:${COLORS[i % COLORS.length]}` }), s.name)));
  return el("div", {}, el("div", { class: "muted" }, title), legend, chart);
}

// The newest round's weights as bars by uid.
function weightBars(weights) {
  const size = { w: 620, h: 200, m: { l: 50, r: 10, t: 10, b: 30 } };
  const shown = weights.filter(w => w.uid !== null).sort((a, b) => a.uid - b.uid);
  const chart = svg("svg", { viewBox: `0 0 ${size.w} ${size.h}`, width: size.w, height: size.h, "data-plot": "weights", role: "img" });
  chart.append(svg("title", {}, "Weights of the newest round by uid"));
  if (shown.length === 0) return chart;
  const max = Math.max(...shown.map(w => w.weight), 1e-9);
  const band = (size.w - size.m.l - size.m.r) / shown.length;
  const y = scale([0, max], [size.h - size.m.b, size.m.t]);
  axes(chart, v => v, y, [0, max], [0, max], size, { x: "uid", y: "weight", xFormat: () => "" });
  shown.forEach((w, i) => {
    const bar = svg("rect", { x: size.m.l + i * band + band * 0.1, y: y(w.weight), width: Math.max(1, band * 0.8), height: size.h - size.m.b - y(w.weight), fill: COLORS[0] });
    bar.append(svg("title", {}, `uid ${w.uid} ${w.hotkey}: ${fmt(w.weight, 4)} (u16 ${w.value})`));
    chart.append(bar);
    if (shown.length <= 32) chart.append(svg("text", { x: size.m.l + (i + 0.5) * band, y: size.h - size.m.b + 12, "text-anchor": "middle" }, String(w.uid)));
  });
  return chart;
}

// ---- front page --------------------------------------------------------------------------------------------
function leaderboard(task) {
  const row = r => el("tr", { "data-hotkey": r.hotkey },
    el("td", {}, r.uid ?? "–"), el("td", { class: "l" }, minerLink(r.hotkey)), el("td", {}, fmt(r.declaredCapacity, 0)),
    el("td", { class: "good" }, r.ok), el("td", {}, r.rateLimited), el("td", { class: r.failed ? "bad" : null }, r.failed),
    el("td", {}, fmt(r.quality)), el("td", {}, fmt(r.tokensPerSecond, 1)), el("td", {}, fmt(r.periodScore)),
    el("td", {}, fmt(r.weight, 4)), el("td", {}, fmt(r.incentive, 4)));
  return expandable(
    ["uid", { label: "hotkey", left: true }, "declared", "ok", "429", "failed", "quality", "speed tok/s", "period score", "weight", "incentive"],
    task.rows, row, { "data-leaderboard": task.taskId });
}

function organicTable(totals, label, keyOf) {
  const rows = totals.map(t => el("tr", {},
    el("td", { class: "l mono" }, keyOf(t)), el("td", {}, t.requests), el("td", { class: t.failed ? "bad" : null }, t.failed),
    el("td", {}, t.promptTokens), el("td", {}, t.completionTokens), el("td", {}, fmt(t.firstTokenP50Ms, 0)), el("td", {}, fmt(t.firstTokenP95Ms, 0)),
    el("td", {}, fmt(t.totalP50Ms, 0)), el("td", {}, fmt(t.totalP95Ms, 0)), el("td", {}, fmt(t.totalP99Ms, 0))));
  return table([{ label, left: true }, "requests", "failed", "prompt tok", "completion tok", "TTFT p50 ms", "TTFT p95 ms", "total p50 ms", "total p95 ms", "total p99 ms"], rows,
    { "data-organic": label });
}

function overview(data) {
  const parts = [];
  for (const task of data.tasks) {
    const body = task.rows.length === 0
      ? el("p", { class: "empty" }, "No closed period yet: the first leaderboard appears when a scoring period ends.")
      : el("div", { class: "row" }, scatter(task), leaderboard(task));
    parts.push(card(`Task ${task.taskId}`, `${task.model} · ${task.rows.length} miners`, body));
  }

  const latest = data.rounds[0];
  const rounds = data.rounds.map(r => el("tr", {},
    el("td", {}, r.round), el("td", {}, r.period ?? "–"), el("td", { class: "l" }, time(r.at)), el("td", { class: r.status === "Submitted" ? "good" : "bad" }, r.status),
    el("td", {}, r.block), el("td", {}, r.miners), el("td", { class: "l muted" }, r.detail ?? "")));
  parts.push(card("Weight rounds", latest ? `newest: round ${latest.round}` : "none yet",
    el("div", { class: "row" }, weightBars(data.latestWeights),
      table(["round", "period", { label: "set at", left: true }, "status", "block", "miners", { label: "detail", left: true }], rounds, { "data-rounds": "" }))));

  const yumaRow = n => el("tr", {},
    el("td", {}, n.uid), el("td", { class: "l" }, minerLink(n.hotkey)), el("td", {}, n.validatorPermit ? "validator" : "miner"),
    el("td", {}, fmt(n.incentive, 4)), el("td", {}, fmt(n.dividends, 4)), el("td", {}, fmt(n.consensus, 4)), el("td", {}, fmt(n.validatorTrust, 4)),
    el("td", {}, fmt(n.emissionTao, 4)));
  parts.push(card("Yuma results", `chain block ${data.yuma.block}, last epoch at block ${data.yuma.lastEpochBlock}`,
    expandable(["uid", { label: "hotkey", left: true }, "role", "incentive", "dividends", "consensus", "validator trust", "emission TAO"],
      data.yuma.neurons, yumaRow, { "data-yuma": "" })));

  const organic = data.organic;
  const overall = organic.overall;
  const stats = el("div", { class: "stats" },
    el("div", {}, el("b", {}, overall ? overall.requests : 0), "requests"),
    el("div", {}, el("b", {}, overall ? overall.failed : 0), "failed"),
    el("div", {}, el("b", {}, overall ? overall.completionTokens : 0), "completion tokens"),
    el("div", {}, el("b", {}, overall ? fmt(overall.firstTokenP50Ms, 0) : "–"), "TTFT p50 ms"),
    el("div", {}, el("b", {}, overall ? fmt(overall.totalP95Ms, 0) : "–"), "total p95 ms"));
  parts.push(card("Organic usage", `last ${organic.windowHours} h`, stats,
    el("div", { class: "row" }, organicTable(organic.byTask, "task", t => t.taskId), organicTable(organic.byKey, "key", t => t.keyId))));
  return parts;
}

// ---- a miner's page ----------------------------------------------------------------------------------------
function minerPage(data) {
  const tasks = [...new Set(data.periods.map(p => p.taskId))].sort();
  const series = field => tasks.map(task => ({
    name: task, points: data.periods.filter(p => p.taskId === task).map(p => ({ t: Date.parse(p.end), v: p[field] })),
  }));
  const weights = [{ name: "weight", points: data.weights.map(w => ({ t: Date.parse(w.at), v: w.weight })) }];
  const charts = el("div", { class: "row" },
    lines("Period score", series("periodScore"), "score", { "data-plot": "score" }), lines("Quality", series("quality"), "quality"),
    lines("Speed", series("tokensPerSecond"), "tokens/s"), lines("Weight", weights, "weight", { "data-plot": "weight" }));
  const recent = data.periods.slice(-50).reverse().map(p => el("tr", {},
    el("td", {}, p.period), el("td", { class: "l" }, p.taskId), el("td", { class: "l" }, time(p.end)), el("td", {}, fmt(p.declaredCapacity, 0)),
    el("td", {}, p.ok), el("td", {}, p.rateLimited), el("td", {}, p.failed), el("td", {}, fmt(p.quality)), el("td", {}, fmt(p.tokensPerSecond, 1)),
    el("td", {}, fmt(p.periodScore)), el("td", {}, fmt(p.weight, 4)), el("td", {}, fmt(p.incentive, 4))));
  return [
    card(`Miner uid ${data.uid ?? "–"}`, data.hotkey,
      data.periods.length === 0 ? el("p", { class: "empty" }, `No closed period of this miner in the last ${data.days} days.`) : charts),
    card("Recent periods", "newest first, at most 50",
      table(["period", { label: "task", left: true }, { label: "ended", left: true }, "declared", "ok", "429", "failed", "quality", "speed tok/s", "period score", "weight", "incentive"],
        recent, { "data-history": data.hotkey })),
  ];
}

// ---- loading -----------------------------------------------------------------------------------------------
async function load() {
  const minerPath = location.pathname.match(/^\/miners\/(.+)$/);
  const url = minerPath ? "/api/miners/" + minerPath[1] : "/api/overview";
  const status = document.getElementById("status");
  try {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const data = await response.json();
    let parts;
    if (minerPath) {
      parts = minerPage(data);
      status.textContent = `Miner ${short(data.hotkey)} · updated ${new Date().toISOString().slice(11, 19)} UTC`;
    } else {
      refreshSeconds = data.refreshSeconds || refreshSeconds;
      document.getElementById("validator").textContent = short(data.validator);
      parts = overview(data);
      const period = data.period ? `period ${data.period.period} closed at ${time(data.period.end)}` : "no period closed yet";
      status.textContent = `${period} · updated ${time(data.at)} · refreshes every ${refreshSeconds} s`;
    }
    document.getElementById("main").replaceChildren(...parts);
    if (!document.body.dataset.loaded) {
      // Milliseconds from the start of navigation until the numbers were first drawn (read by the load benchmark).
      document.body.dataset.drawnMs = performance.now().toFixed(1);
    }
    document.body.dataset.loaded = String((Number(document.body.dataset.loaded) || 0) + 1);
  } catch (error) {
    status.textContent = `Could not refresh (${error.message}); trying again in ${refreshSeconds} s`;
  }
  setTimeout(load, refreshSeconds * 1000);
}

load();

// The appliance dashboard: plain JS, no libraries, no CDN. Data comes from the admin API with the
// technician's bearer token (from the URL fragment #token=... or the form, kept in sessionStorage).
"use strict";

const STAGE_COLOURS = { vad: "#6c8ebf", asr: "#4fb3ff", guard: "#9aa5b1", llm: "#ffb020", dialog: "#ffb020", tts: "#b07cff", playback: "#3ecf6e" };
const WINDOW = 20;
let token = null;

function readToken() {
  const m = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
  if (m) { sessionStorage.setItem("appliance.token", decodeURIComponent(m[1])); history.replaceState(null, "", location.pathname); }
  return sessionStorage.getItem("appliance.token");
}

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: "Bearer " + token } });
  if (!response.ok) {
    let detail = response.statusText;
    try { const p = await response.json(); detail = p.detail || p.title || detail; } catch { /* not JSON */ }
    throw new Error(`${path}: ${response.status} ${detail}`);
  }
  return response.json();
}

function el(tag, attrs = {}, text) {
  const ns = ["svg", "rect", "polyline", "line", "text", "title"].includes(tag) ? "http://www.w3.org/2000/svg" : null;
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function formatUptime(s) {
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = Math.floor(s % 60);
  return `${h}h ${m}m ${sec}s`;
}

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
}

function renderStatus(s) {
  const state = document.getElementById("state");
  state.textContent = s.state; state.className = "state " + s.state;
  document.getElementById("status-line").textContent = s.statusLine;
  document.getElementById("uptime").textContent = formatUptime(s.uptimeSeconds);
  document.getElementById("turn-count").textContent = s.turnsCompleted;
  document.getElementById("current-turn").textContent = s.currentTurnId ? `${s.currentTurnId} ${s.currentUtterance || ""}` : "—";
  document.getElementById("llm").textContent = s.llm;
  document.getElementById("fingerprint").textContent = s.certificateFingerprint;
}

function renderLevels(levels) {
  const box = document.getElementById("levels");
  box.replaceChildren();
  const rows = levels.rmsDbfs.map((v, i) => [`mic ${i}`, v]).concat([["output", levels.outputRmsDbfs]]);
  for (const [name, db] of rows) {
    const pct = Math.max(0, Math.min(100, (db + 60) / 60 * 100));
    const row = el("div", { class: "level", "data-db": db.toFixed(1) });
    row.append(el("label", {}, name));
    const bar = el("div", { class: "bar" }); bar.append(el("div", { class: "fill", style: `width:${pct}%` }));
    row.append(bar, el("span", { class: "muted" }, `${db.toFixed(0)} dBFS`));
    box.append(row);
  }
}

function waterfall(turn) {
  const svg = el("svg", { class: "waterfall", viewBox: "0 0 400 22", preserveAspectRatio: "none" });
  const end = Math.max(1, ...turn.stages.map(s => s.endMs));
  const start = Math.min(0, ...turn.stages.map(s => s.startMs));
  const scale = 400 / (end - start);
  turn.stages.forEach((s, i) => {
    const rect = el("rect", {
      x: ((s.startMs - start) * scale).toFixed(1), y: 3 + (i % 2) * 8, height: 8,
      width: Math.max(1, (s.endMs - s.startMs) * scale).toFixed(1),
      fill: STAGE_COLOURS[s.stage] || "#888", "data-stage": s.stage,
    });
    rect.append(el("title", {}, `${s.stage}: ${s.startMs.toFixed(0)}–${s.endMs.toFixed(0)} ms`));
    svg.append(rect);
  });
  return svg;
}

function renderTurns(page) {
  const body = document.querySelector("#turns tbody");
  body.replaceChildren();
  for (const t of page.items) {
    const row = el("tr", { "data-turn-id": t.id });
    row.append(el("td", {}, new Date(t.startedAt).toLocaleTimeString()));
    row.append(el("td", {}, t.bargedIn ? `${t.outcome} (barge-in)` : t.outcome));
    row.append(el("td", {}, t.voiceToVoiceMs == null ? "—" : `${t.voiceToVoiceMs.toFixed(0)} ms`));
    const cell = el("td"); cell.append(waterfall(t)); row.append(cell);
    body.append(row);
  }
}

function renderPlot(page) {
  const svg = document.getElementById("latency-plot");
  svg.replaceChildren();
  const chronological = [...page.items].reverse().filter(t => t.voiceToVoiceMs != null).map(t => t.voiceToVoiceMs);
  const p50 = [], p95 = [];
  chronological.forEach((_, i) => {
    const window = chronological.slice(Math.max(0, i - WINDOW + 1), i + 1);
    p50.push(percentile(window, 50)); p95.push(percentile(window, 95));
  });
  const max = Math.max(1200, ...p95.map(v => v * 1.15));
  const x = i => p50.length < 2 ? 300 : (i / (p50.length - 1)) * 590 + 5;
  const y = v => 155 - (v / max) * 145;
  svg.append(el("line", { x1: 0, x2: 600, y1: y(1000), y2: y(1000), stroke: "#444", "stroke-dasharray": "4 4" }));
  svg.append(el("text", { x: 4, y: y(1000) - 3, fill: "#8a94a3", "font-size": 10 }, "1 s"));
  for (const [id, series, colour] of [["p50", p50, "#4fb3ff"], ["p95", p95, "#ffb020"]]) {
    svg.append(el("polyline", { id, fill: "none", stroke: colour, "stroke-width": 2, points: series.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ") }));
  }
  document.getElementById("latency-summary").textContent = chronological.length
    ? `now p50 ${p50.at(-1).toFixed(0)} ms · p95 ${p95.at(-1).toFixed(0)} ms · n ${chronological.length}` : "no spoken turns yet";
}

async function refresh() {
  const error = document.getElementById("error");
  try {
    const [status, turns, levels] = await Promise.all([api("/api/status"), api("/api/turns?pageSize=100"), api("/api/audio/levels")]);
    renderStatus(status); renderTurns(turns); renderPlot(turns); renderLevels(levels);
    error.hidden = true;
    document.body.dataset.loaded = "true";
  } catch (e) {
    error.textContent = e.message; error.hidden = false;
    if (/: 401 /.test(e.message)) { document.getElementById("token-form").hidden = false; }
  }
}

function start() {
  token = readToken();
  const form = document.getElementById("token-form");
  form.addEventListener("submit", ev => {
    ev.preventDefault();
    token = document.getElementById("token-input").value.trim();
    sessionStorage.setItem("appliance.token", token);
    form.hidden = true; refresh();
  });
  if (!token) { form.hidden = false; return; }
  refresh();
  setInterval(refresh, 2000);
}

start();

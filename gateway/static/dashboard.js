// 月度通报看板: one GraphQL query for the month (ranking, reminders, six months of bulletins), ECharts from
// /assets, and every figure a link that lists the rows behind it (another GraphQL query). A file, not an inline
// script, so a strict Content-Security-Policy still lets the page start.
(function () {
  "use strict";
  var endpoint = document.body.getAttribute("data-graphql");
  var charts = {};
  window.dashboardCharts = charts; // the browser tests read how many bars each chart drew

  var FIGURES = "fragment F on Bulletin { month counties { countyCode countyName received spent spendRate idle " +
    "idleByClass { key label amount } idleByAge { key label amount } casesOpen casesOverdue casesClosedInMonth " +
    "quotaSubjects quotaBreach quotaCompliant quotaNotReported admittedInMonth startedInMonth stalled } }";
  // This month and the five before it, for the charts and the trend (no ranking change needed: half the calls).
  var MONTHS = [0, 1, 2, 3, 4, 5];
  var QUERY = "query Dashboard($month: String!, " +
    MONTHS.map(function (i) { return "$m" + i + ": String!"; }).join(", ") + ") { " +
    "ranking: countyRanking(month: $month) { month bottom rows { countyCode countyName rank " +
    "score previousRank change bottom indicators { label points explanation } } } " +
    "reminders(month: $month) { ruleLabel countyName unit evidence } " +
    "work: myWork(first: 1) { counts { kind total dueSoon overdue } } " +
    "workKinds: __type(name: \"WorkKind\") { enumValues { name description } } " +
    MONTHS.map(function (i) { return "m" + i + ": bulletin(month: $m" + i + ", draft: true, withChange: false) { ...F }"; })
      .join(" ") + " } " + FIGURES;

  function $(id) { return document.getElementById(id); }

  function say(text, error) {
    $("status").textContent = text;
    $("status").className = error ? "error" : "";
  }

  function graphql(query, variables) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + $("token").value.trim() },
      body: JSON.stringify({ query: query, variables: variables })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok || (body.errors && !body.data)) {
          var first = body.errors && body.errors[0];
          throw new Error(first ? first.message : (body.detail || ("HTTP " + response.status)));
        }
        return body;
      });
    });
  }

  function shiftMonth(month, by) {
    var parts = month.split("-").map(Number);
    var index = parts[0] * 12 + parts[1] - 1 + by;
    var m = index % 12 + 1;
    return Math.floor(index / 12) + "-" + (m < 10 ? "0" : "") + m;
  }

  function thisMonth() {
    // Liuzhou's month (Asia/Shanghai), whatever the browser's zone.
    var now = new Date(Date.now() + 8 * 3600 * 1000);
    var m = now.getUTCMonth() + 1;
    return now.getUTCFullYear() + "-" + (m < 10 ? "0" : "") + m;
  }

  function yuan(value) {
    return Number(value).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function percent(value) { return (Number(value) * 100).toFixed(2) + "%"; }

  function cell(row, content, cls) {
    var td = document.createElement("td");
    if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content; }
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }

  // A figure that lists the rows behind it when clicked.
  function figure(text, list) {
    var a = document.createElement("a");
    a.className = "figure";
    a.href = "#detail";
    a.textContent = text;
    a.addEventListener("click", function () { showList(list); });
    return a;
  }

  var LISTS = {
    batches: function (c) {
      return { title: c.countyName + " · 资金批次（到位资金）", headers: ["文号", "年度", "金额（元）", "已分配（元）"],
        query: "query($county: String) { fundBatches(county: $county, first: 200) { items { docNumber year amount allocated } } }",
        variables: { county: c.countyCode },
        rows: function (d) { return d.fundBatches.items.map(function (b) { return [b.docNumber, b.year, yuan(b.amount), yuan(b.allocated)]; }); } };
    },
    idle: function (c, idleClass) {
      return { title: c.countyName + " · 闲置资金" + (idleClass ? "（" + idleClass.label + "）" : ""),
        headers: ["分类", "批次", "项目", "金额（元）", "闲置天数"],
        query: "query($county: String, $cls: IdleClass) { idleFunds(county: $county, idleClass: $cls, first: 200) { items { idleClassLabel batchId projectId amount ageDays } } }",
        variables: { county: c.countyCode, cls: idleClass ? idleClass.key.toUpperCase() : null },
        rows: function (d) { return d.idleFunds.items.map(function (i) { return [i.idleClassLabel, i.batchId, i.projectId || "", yuan(i.amount), i.ageDays]; }); } };
    },
    overdue: function (c) {
      return { title: c.countyName + " · 逾期整改事项", headers: ["编号", "责任单位", "整改措施", "期限", "金额（元）"],
        query: "query($county: String) { rectificationCases(county: $county, overdue: true, first: 200) { items { id responsibleUnit measure deadline amount } } }",
        variables: { county: c.countyCode },
        rows: function (d) { return d.rectificationCases.items.map(function (x) { return [x.id, x.responsibleUnit, x.measure, x.deadline, yuan(x.amount)]; }); } };
    },
    breaches: function (c, month) {
      return { title: c.countyName + " · " + month + " 用工比例未达标的集团在建项目", headers: ["项目", "集团", "安置", "用工总数", "比例"],
        query: "query($county: String, $period: String!) { quotaCompliance(kind: GROUP_PROJECT, period: $period, county: $county, status: BREACH, first: 200) { items { name groupName placed total ratio } } }",
        variables: { county: c.countyCode, period: month },
        rows: function (d) { return d.quotaCompliance.items.map(function (q) { return [q.name, q.groupName || "", q.placed, q.total, q.ratio === null ? "" : percent(q.ratio)]; }); } };
    },
    stalled: function (c) {
      return { title: c.countyName + " · 停滞及违规项目（清理出库候选）", headers: ["项目", "状态", "规则"],
        query: "query($county: String) { clearoutCandidates(county: $county, first: 200) { items { project { name statusLabel } rules { message } } } }",
        variables: { county: c.countyCode },
        rows: function (d) { return d.clearoutCandidates.items.map(function (x) { return [x.project.name, x.project.statusLabel, x.rules.map(function (r) { return r.message; }).join("；")]; }); } };
    }
  };

  function table(headers, rows) {
    var head = $("detail-table").tHead, body = $("detail-table").tBodies[0];
    head.innerHTML = ""; body.innerHTML = "";
    var tr = head.insertRow();
    headers.forEach(function (h) { var th = document.createElement("th"); th.textContent = h; tr.appendChild(th); });
    rows.forEach(function (r) { var row = body.insertRow(); r.forEach(function (v) { cell(row, String(v), "text"); }); });
    if (!rows.length) { cell(body.insertRow(), "（无）", "text").colSpan = headers.length; }
  }

  function showList(list) {
    $("detail").hidden = false;
    $("detail-title").textContent = list.title;
    if (list.static) { table(list.headers, list.static); return; }
    table(list.headers, []);
    graphql(list.query, list.variables).then(function (body) { table(list.headers, list.rows(body.data)); })
      .catch(function (error) { say("明细读取失败：" + error.message, true); });
  }

  function renderRanking(ranking, counties) {
    var byCode = {};
    counties.forEach(function (c) { byCode[c.countyCode] = c; });
    var body = $("ranking").tBodies[0];
    body.innerHTML = "";
    $("ranking-month").textContent = ranking.month;
    ranking.rows.forEach(function (r) {
      var c = byCode[r.countyCode], row = body.insertRow();
      row.className = r.bottom ? "bottom" : "";
      row.setAttribute("data-county", r.countyCode);
      cell(row, String(r.rank));
      cell(row, figure(r.countyName, { title: r.countyName + " · 综合得分逐项说明", headers: ["指标", "折合分数", "说明"],
        static: r.indicators.map(function (i) { return [i.label, i.points, i.explanation]; }) }));
      cell(row, r.score, "score");
      var change = r.change === null ? "—" : r.change > 0 ? "↑" + r.change : r.change < 0 ? "↓" + (-r.change) : "持平";
      cell(row, change, r.change > 0 ? "up" : r.change < 0 ? "down" : "");
      cell(row, r.bottom ? "黑榜" : "");
      cell(row, figure(percent(c.spendRate), LISTS.batches(c))).className = "spend-rate";
      cell(row, figure(yuan(c.idle), LISTS.idle(c)));
      cell(row, figure(String(c.casesOverdue), LISTS.overdue(c)));
      cell(row, figure(String(c.quotaBreach), LISTS.breaches(c, ranking.month)));
      cell(row, figure(String(c.stalled), LISTS.stalled(c)));
    });
  }

  function renderReminders(reminders) {
    var body = $("reminders").tBodies[0];
    body.innerHTML = "";
    reminders.forEach(function (r) {
      var row = body.insertRow();
      [r.ruleLabel, r.countyName, r.unit, r.evidence].forEach(function (v) { cell(row, v, "text"); });
    });
    if (!reminders.length) { cell(body.insertRow(), "本月无提醒约谈对象", "text").colSpan = 4; }
  }

  function chart(id, option, onClick) {
    var el = $(id);
    if (!charts[id]) {
      charts[id] = echarts.init(el, null, { renderer: "svg" });
      if (onClick) { charts[id].on("click", function (p) { onClick(p.dataIndex, p.seriesIndex); }); }
    }
    charts[id].setOption(option, true);
  }

  function bars(names, series, percentAxis) {
    return { tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 60, right: 10, top: 30, bottom: 60 },
      xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
      yAxis: { type: "value", axisLabel: percentAxis ? { formatter: function (v) { return v * 100 + "%"; } } : {} },
      series: series };
  }

  function sumBy(counties, field) {
    var sums = {}, labels = {};
    counties.forEach(function (c) {
      c[field].forEach(function (a) { sums[a.key] = (sums[a.key] || 0) + Number(a.amount); labels[a.key] = a; });
    });
    return Object.keys(labels).map(function (k) { return { key: k, label: labels[k].label, amount: sums[k] }; });
  }

  function renderCharts(counties, months) {
    var names = counties.map(function (c) { return c.countyName; });
    chart("chart-spend", bars(names, [{ name: "支出进度", type: "bar",
      data: counties.map(function (c) { return Number(c.spendRate); }) }], true),
      function (i) { showList(LISTS.batches(counties[i])); });
    var byClass = sumBy(counties, "idleByClass"), byAge = sumBy(counties, "idleByAge");
    chart("chart-idle-class", bars(byClass.map(function (a) { return a.label; }), [{ name: "闲置资金", type: "bar",
      data: byClass.map(function (a) { return a.amount; }) }]),
      function (i) { if (counties.length === 1) { showList(LISTS.idle(counties[0], byClass[i])); } });
    chart("chart-idle-age", bars(byAge.map(function (a) { return a.label; }), [{ name: "闲置资金", type: "bar",
      data: byAge.map(function (a) { return a.amount; }) }]));
    chart("chart-overdue", bars(names, [{ name: "逾期未销号", type: "bar",
      data: counties.map(function (c) { return c.casesOverdue; }) }, { name: "当月销号", type: "bar",
      data: counties.map(function (c) { return c.casesClosedInMonth; }) }]),
      function (i) { showList(LISTS.overdue(counties[i])); });
    chart("chart-quota", bars(names, ["quotaCompliant", "quotaBreach", "quotaNotReported"].map(function (f, k) {
      return { name: ["达标", "未达标", "未报送"][k], type: "bar", stack: "quota",
        data: counties.map(function (c) { return c[f]; }) };
    })), function (i) { showList(LISTS.breaches(counties[i], months[months.length - 1].month)); });
    var trend = function (name, pick) {
      return { name: name, type: "line", data: months.map(function (m) {
        return m.counties.reduce(function (s, c) { return s + Number(pick(c)); }, 0); }) };
    };
    chart("chart-trend", { tooltip: { trigger: "axis" }, legend: { top: 0 },
      grid: { left: 50, right: 10, top: 30, bottom: 30 },
      xAxis: { type: "category", data: months.map(function (m) { return m.month; }) }, yAxis: { type: "value" },
      series: [trend("当月入库", function (c) { return c.admittedInMonth; }),
        trend("当月开工", function (c) { return c.startedInMonth; }),
        trend("当月销号整改", function (c) { return c.casesClosedInMonth; }),
        trend("逾期整改", function (c) { return c.casesOverdue; })] });
  }

  // The caller's work-queue counts (我的待办); each kind named by the schema's own description of it.
  function renderWork(work, kinds) {
    var words = {};
    (kinds ? kinds.enumValues : []).forEach(function (v) { words[v.name] = v.description.split("（")[0]; });
    var body = $("work").querySelector("tbody");
    body.textContent = "";
    ((work && work.counts) || []).forEach(function (c) {
      var row = body.insertRow();
      [words[c.kind] || c.kind, c.total, c.dueSoon, c.overdue].forEach(function (value) {
        row.insertCell().textContent = value;
      });
    });
  }

  function load(event) {
    if (event) { event.preventDefault(); }
    var month = $("month").value;
    var variables = { month: month };
    MONTHS.forEach(function (i) { variables["m" + i] = shiftMonth(month, -i); });
    sessionStorage.setItem("dashboard-token", $("token").value.trim());
    say("正在读取 " + month + " 的数据…");
    graphql(QUERY, variables).then(function (body) {
      var d = body.data;
      var months = [d.m5, d.m4, d.m3, d.m2, d.m1, d.m0];
      document.querySelector("main").hidden = false;
      renderRanking(d.ranking, d.m0.counties);
      renderReminders(d.reminders);
      renderWork(d.work, d.workKinds);
      renderCharts(d.m0.counties, months);
      var partial = body.errors ? "（部分数据不可用：" + body.errors[0].message + "）" : "";
      say(month + " 通报数据（实时草稿），共 " + d.ranking.rows.length + " 个县区" + partial, !!body.errors);
      document.body.setAttribute("data-loaded", month);
    }).catch(function (error) { say("读取失败：" + error.message, true); });
  }

  $("month").value = new URLSearchParams(window.location.search).get("month") || thisMonth();
  $("token").value = sessionStorage.getItem("dashboard-token") || "";
  $("signin").addEventListener("submit", load);
  $("print").addEventListener("click", function () { window.print(); });
  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });
})();

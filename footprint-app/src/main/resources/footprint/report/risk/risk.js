// Footprint risk page: a histogram of the NPV and a tornado of its drivers, from the JSON in #risk-data.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('risk-data').textContent);
  var money = function (v) { return v === null ? 'n/a' : v.toFixed(1) + ' M ' + data.currency; };

  var hist = echarts.init(document.getElementById('histogram'));
  var bars = data.bins.map(function (b) { return [(b[0] + b[1]) / 2, b[2], b[0], b[1]]; });
  var lines = [];
  [['P5', data.marks.p5, '#b34200'], ['mean', data.marks.mean, '#1d2733'], ['P95', data.marks.p95, '#00795a'],
   ['nominal', data.marks.nominal, '#0072b2']].forEach(function (m) {
    if (m[1] !== null) {
      lines.push({ xAxis: m[1], name: m[0], lineStyle: { color: m[2], type: m[0] === 'nominal' ? 'dotted' : 'dashed' },
                   label: { formatter: m[0] + ' ' + m[1].toFixed(1), color: m[2],
                            position: m[0] === 'nominal' ? 'insideEndBottom' : 'end' } });
    }
  });
  hist.setOption({
    animation: false,
    grid: { left: 60, right: 30, top: 40, bottom: 50 },
    tooltip: { formatter: function (p) { return money(p.value[2]) + ' to ' + money(p.value[3]) + ': ' + p.value[1] + ' samples'; } },
    xAxis: { type: 'value', name: 'NPV (M ' + data.currency + ')', nameLocation: 'middle', nameGap: 30, scale: true },
    yAxis: { type: 'value', name: 'samples' },
    series: [{
      type: 'bar', data: bars, barWidth: '100%', itemStyle: { color: '#56b4e9', borderColor: '#fff', borderWidth: 0.5 },
      encode: { x: 0, y: 1 }, markLine: { symbol: 'none', data: lines }
    }]
  });

  var t = echarts.init(document.getElementById('tornado'));
  var rows = data.tornado.slice().reverse();
  var base = data.nominal === null ? 0 : data.nominal;
  var names = rows.map(function (r) { return r.path + '  (ρ ' + (r.spearman === null ? 'n/a' : r.spearman.toFixed(2)) + ')'; });
  var delta = function (v) { return v === null ? 0 : v - base; };
  t.setOption({
    animation: false,
    grid: { left: 330, right: 40, top: 40, bottom: 40 },
    legend: { top: 4, data: ['input at its low end', 'input at its high end'] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: function (ps) {
        var r = rows[ps[0].dataIndex];
        return r.path + '<br>low: ' + money(r.low) + '<br>high: ' + money(r.high);
      } },
    xAxis: { type: 'value', name: 'NPV change from nominal (M ' + data.currency + ')', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: names, axisLabel: { fontSize: 11 } },
    series: [
      { name: 'input at its low end', type: 'bar', data: rows.map(function (r) { return delta(r.low); }),
        itemStyle: { color: '#e69f00' } },
      { name: 'input at its high end', type: 'bar', barGap: '-100%', data: rows.map(function (r) { return delta(r.high); }),
        itemStyle: { color: '#0072b2', opacity: 0.85 } }
    ]
  });
  window.addEventListener('resize', function () { hist.resize(); t.resize(); });
})();

// Footprint HTML report: draws every element with class "chart" from the JSON data in the page.
// Text from plan files reaches the page only through ECharts (SVG text) or esc(): never as HTML.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('footprint-data').textContent);
  var world = JSON.parse(document.getElementById('footprint-world').textContent);
  echarts.registerMap('footprint-world', world);

  var INK = '#1d2733';
  var MUTED = '#55606e';
  var GRID = '#e4e8ee';
  var STATUS_COLOURS = { running: '#0072B2', idle: '#E69F00', closed: '#8a8f98' };
  var number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
  var decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function money(m, currency) { return decimal.format(m) + ' M' + (currency ? ' ' + currency : ''); }
  function swatch(colour) {
    return '<span style="display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:'
      + esc(colour) + '"></span>';
  }
  function axisTooltip(format) {
    return {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: function (items) {
        if (!items.length) { return ''; }
        var rows = items.filter(function (p) { return p.value !== 0 && p.value !== null; }).map(function (p) {
          return swatch(p.color) + esc(p.seriesName) + ': <b>' + esc(format(p.value)) + '</b>';
        });
        return '<b>' + esc(items[0].name) + '</b><br>' + rows.join('<br>');
      }
    };
  }
  var text = { color: INK, fontSize: 12 };
  function base() {
    return {
      animation: false,
      aria: { enabled: true },
      textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif' },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true }
    };
  }
  function valueAxis(name) {
    return { type: 'value', name: name, nameTextStyle: { color: MUTED }, axisLabel: text, splitLine: { lineStyle: { color: GRID } } };
  }
  function categoryAxis(values, extra) {
    var axis = { type: 'category', data: values, axisLabel: text, axisTick: { alignWithLabel: true } };
    for (var k in extra) { axis[k] = extra[k]; }
    return axis;
  }
  function legend() { return { top: 0, type: 'scroll', textStyle: text }; }
  function withLegend(option) {
    option.legend = legend();
    option.grid = { left: 8, right: 24, top: 64, bottom: 8, containLabel: true };
    return option;
  }

  var builders = {
    map: function (plan) {
      var m = plan.map;
      var placeTip = function (p) {
        var d = p.data || {};
        if (p.seriesType === 'lines') {
          return esc(d.fromName) + ' → ' + esc(d.toName) + '<br>' + swatch(p.color) + esc(p.seriesName) + ': <b>'
            + esc(number.format(d.volume)) + '</b> vehicles';
        }
        if (d.kind === 'plant') {
          return '<b>' + esc(d.name) + '</b><br>' + esc(d.status) + '<br>output ' + esc(number.format(d.output))
            + ' of ' + esc(number.format(d.capacity));
        }
        if (d.kind) { return '<b>' + esc(d.name) + '</b><br>' + esc(d.kind); }
        return esc(p.name || '');
      };
      var series = plan.products.map(function (product, i) {
        return {
          type: 'lines', name: product.name, coordinateSystem: 'geo', zlevel: 1,
          symbol: ['none', 'arrow'], symbolSize: 7,
          lineStyle: { color: product.color, opacity: 0.8, curveness: 0.12 + 0.07 * (i % 5), cap: 'round' },
          emphasis: { lineStyle: { opacity: 1 } },
          data: []
        };
      });
      series.push({
        type: 'scatter', name: 'markets', coordinateSystem: 'geo', zlevel: 2, symbolSize: 8,
        itemStyle: { color: '#ffffff', borderColor: '#3b4654', borderWidth: 1.5 }, data: []
      });
      series.push({
        type: 'scatter', name: 'plants', coordinateSystem: 'geo', zlevel: 3,
        label: { show: true, position: 'right', formatter: function (p) { return p.data.name; }, color: INK,
          fontSize: 12, fontWeight: 600, textBorderColor: '#ffffff', textBorderWidth: 3 },
        labelLayout: { hideOverlap: true },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1.5 }, data: []
      });
      function frame(f) {
        var lines = plan.products.map(function () { return []; });
        f.flows.forEach(function (flow) {
          var a = m.places[flow.from];
          var b = m.places[flow.to];
          if (!a || !b) { return; }
          lines[flow.product].push({
            coords: [[a.lon, a.lat], [b.lon, b.lat]], fromName: a.name, toName: b.name, volume: flow.volume,
            lineStyle: { width: 1 + 9 * Math.sqrt(flow.volume / (m.maxVolume || 1)) }
          });
        });
        var plants = f.plants.filter(function (p) { return m.places[p.id]; }).map(function (p) {
          var at = m.places[p.id];
          return {
            name: at.name, kind: 'plant', status: p.status, output: p.output, capacity: p.capacity,
            value: [at.lon, at.lat], symbolSize: 9 + 17 * Math.sqrt(p.capacity / (m.maxCapacity || 1)),
            itemStyle: { color: STATUS_COLOURS[p.status] || STATUS_COLOURS.running }
          };
        });
        var markets = m.markets.filter(function (id) { return m.places[id]; }).map(function (id) {
          var at = m.places[id];
          return { name: at.name, kind: 'market', value: [at.lon, at.lat] };
        });
        var s = lines.map(function (d) { return { data: d }; });
        s.push({ data: markets });
        s.push({ data: plants });
        return { title: { text: String(f.year), right: 12, top: 30, textStyle: { color: MUTED, fontSize: 20 } }, series: s };
      }
      var option = base();
      option.legend = { top: 0, left: 0, right: 0, type: 'scroll', textStyle: text,
        data: plan.products.map(function (p) { return p.name; }) };
      option.tooltip = { trigger: 'item', formatter: placeTip };
      option.geo = {
        map: 'footprint-world', roam: true, boundingCoords: m.bbox, top: 36, bottom: 64, left: 8, right: 8,
        scaleLimit: { min: 0.5, max: 12 },
        itemStyle: { areaColor: '#e3e7ec', borderColor: '#a9b2bd', borderWidth: 0.6 },
        emphasis: { itemStyle: { areaColor: '#d3dae2' }, label: { show: true, color: INK } },
        select: { disabled: true },
        tooltip: { show: false },
        regions: m.regions.map(function (r) {
          return { name: r.name, itemStyle: { areaColor: r.role === 'plant' ? '#c9dcef' : '#efe4cc' } };
        })
      };
      option.series = series;
      if (m.frames.length === 1) {
        var only = frame(m.frames[0]);
        option.title = only.title;
        option.series = series.map(function (s, i) { s.data = only.series[i].data; return s; });
        return option;
      }
      option.timeline = {
        axisType: 'category', autoPlay: false, playInterval: 1500, currentIndex: 0, bottom: 8, left: 40, right: 40,
        data: m.frames.map(function (f) { return String(f.year); }), label: { color: INK },
        checkpointStyle: { color: '#0072B2' }, controlStyle: { color: '#55606e', borderColor: '#55606e' }
      };
      return { baseOption: option, options: m.frames.map(frame) };
    },

    utilisation: function (plan) {
      var h = plan.heatmap;
      var option = base();
      option.grid = { left: 8, right: 16, top: 8, bottom: 56, containLabel: true };
      option.tooltip = { trigger: 'item', formatter: function (p) {
        var c = p.data.cell;
        return '<b>' + esc(h.plants[c[1]]) + '</b>, ' + esc(h.years[c[0]]) + '<br>' + esc(c[3])
          + (c[3] === 'running' ? '<br>utilisation ' + esc(Math.round(c[2] * 100)) + ' %<br>output '
            + esc(number.format(c[4])) + ' of ' + esc(number.format(c[5])) : '');
      } };
      option.xAxis = categoryAxis(h.years.map(String), { splitArea: { show: false } });
      option.yAxis = categoryAxis(h.plants, { inverse: true });
      option.visualMap = { min: 0, max: 1, seriesIndex: 0, orient: 'horizontal', left: 'center', bottom: 4,
        calculable: false, itemWidth: 12, itemHeight: 160, text: ['100 %', '0 %'], textStyle: text,
        inRange: { color: ['#f1f7fd', '#c6dbef', '#6baed6'] } };
      var running = h.cells.filter(function (c) { return c[3] === 'running'; });
      var other = h.cells.filter(function (c) { return c[3] !== 'running'; });
      option.series = [
        { type: 'heatmap', name: 'utilisation', data: running.map(function (c) { return { value: [c[0], c[1], c[2]], cell: c }; }),
          label: { show: true, color: INK, fontSize: 11, formatter: function (p) { return Math.round(p.value[2] * 100) + '%'; } },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 } },
        { type: 'heatmap', name: 'not running', data: other.map(function (c) { return { value: [c[0], c[1], 0], cell: c }; }),
          label: { show: true, color: INK, fontSize: 11, formatter: function (p) { return p.data.cell[3]; } },
          itemStyle: { color: '#dcdfe4', borderColor: '#ffffff', borderWidth: 2 } }
      ];
      return option;
    },

    volumes: function (plan) {
      var v = plan.volumes;
      var option = withLegend(base());
      option.tooltip = axisTooltip(function (x) { return number.format(x) + ' vehicles'; });
      option.yAxis = categoryAxis(v.plants, { inverse: true, axisLabel: { color: INK, fontSize: 12, interval: 0, overflow: 'truncate', width: 170 } });
      option.xAxis = valueAxis('vehicles, ' + plan.horizonText);
      option.xAxis.nameLocation = 'middle';
      option.xAxis.nameGap = 28;
      option.grid.bottom = 28;
      option.series = v.series.map(function (s) {
        return { type: 'bar', stack: 'volume', name: s.name, data: s.data, itemStyle: { color: s.color }, barMaxWidth: 40 };
      });
      return option;
    },

    lostSales: function (plan) {
      var l = plan.lostSales;
      var option = withLegend(base());
      option.tooltip = axisTooltip(function (x) { return number.format(x) + ' vehicles'; });
      option.xAxis = categoryAxis(l.years.map(String));
      option.yAxis = valueAxis('vehicles not served');
      option.series = l.series.map(function (s) {
        return { type: 'bar', stack: 'lost', name: s.name, data: s.data, itemStyle: { color: s.color }, barMaxWidth: 48 };
      });
      return option;
    },

    waterfall: function (plan) {
      var steps = plan.waterfall;
      var cur = plan.currency;
      var colours = { start: '#0072B2', down: '#D55E00', up: '#009E73', total: '#17324d' };
      var option = base();
      option.grid = { left: 8, right: 16, top: 24, bottom: 8, containLabel: true };
      option.tooltip = { trigger: 'item', formatter: function (p) {
        return '<b>' + esc(p.data.name) + '</b><br>' + esc(money(p.data.amount, cur));
      } };
      option.xAxis = categoryAxis(steps.map(function (s) { return s.name; }),
        { axisLabel: { color: INK, fontSize: 11, interval: 0, rotate: steps.length > 7 ? 30 : 0 } });
      option.yAxis = valueAxis('M ' + cur);
      option.series = [{
        type: 'custom', name: 'NPV waterfall',
        encode: { x: 0, y: [1, 2] },
        data: steps.map(function (s, i) { return { name: s.name, amount: s.amount, kind: s.kind, value: [i, s.low, s.high] }; }),
        renderItem: function (params, api) {
          var d = steps[params.dataIndex];
          var top = api.coord([api.value(0), api.value(2)]);
          var bottom = api.coord([api.value(0), api.value(1)]);
          var width = api.size([1, 0])[0] * 0.62;
          var label = decimal.format(d.amount);
          return { type: 'group', children: [
            { type: 'rect', shape: { x: top[0] - width / 2, y: top[1], width: width, height: Math.max(1, bottom[1] - top[1]) },
              style: { fill: colours[d.kind] } },
            { type: 'text', style: { text: label, x: top[0], y: d.kind === 'down' ? bottom[1] + 4 : top[1] - 4,
              align: 'center', verticalAlign: d.kind === 'down' ? 'top' : 'bottom',
              fill: INK, font: '600 11px system-ui, sans-serif' } }
          ] };
        }
      }];
      return option;
    },

    compareKpis: function () {
      var c = data.comparison;
      var option = withLegend(base());
      option.grid.top = 40;
      option.tooltip = axisTooltip(function (x) { return money(x, c.currency); });
      option.yAxis = categoryAxis(c.kpis.map(function (k) { return k.name; }), { inverse: true });
      option.xAxis = valueAxis('M ' + c.currency);
      option.xAxis.nameLocation = 'middle';
      option.xAxis.nameGap = 28;
      option.grid.bottom = 28;
      option.series = c.labels.map(function (label, i) {
        return { type: 'bar', name: label, data: c.kpis.map(function (k) { return k.values[i]; }),
          itemStyle: { color: c.colors[i] }, barMaxWidth: 18 };
      });
      return option;
    },

    compareNpv: function () {
      var c = data.comparison;
      var option = base();
      option.grid = { left: 8, right: 16, top: 24, bottom: 8, containLabel: true };
      option.tooltip = axisTooltip(function (x) { return money(x, c.currency); });
      option.xAxis = categoryAxis(c.labels, { axisLabel: { color: INK, fontSize: 12, interval: 0, overflow: 'truncate', width: 120 } });
      option.yAxis = valueAxis('NPV, M ' + c.currency);
      option.series = [{ type: 'bar', name: 'NPV', barMaxWidth: 72,
        data: c.npv.map(function (v, i) { return { value: v, itemStyle: { color: c.colors[i] } }; }),
        label: { show: true, position: 'top', color: INK, fontWeight: 600, formatter: function (p) { return decimal.format(p.value); } } }];
      return option;
    },

    compareVolumes: function () {
      var c = data.comparison;
      var option = withLegend(base());
      option.tooltip = axisTooltip(function (x) { return number.format(x) + ' vehicles'; });
      option.xAxis = categoryAxis(c.plants, { axisLabel: { color: INK, fontSize: 12, interval: 0, overflow: 'truncate', width: 150 } });
      option.yAxis = valueAxis('vehicles over the horizon');
      option.series = c.labels.map(function (label, i) {
        return { type: 'bar', name: label, data: c.volumes[i], itemStyle: { color: c.colors[i] }, barMaxWidth: 28 };
      });
      return option;
    }
  };

  var charts = {};
  var failed = [];
  Array.prototype.forEach.call(document.querySelectorAll('.chart'), function (el) {
    try {
      var plan = el.dataset.plan === undefined ? null : data.plans[Number(el.dataset.plan)];
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(builders[el.dataset.chart](plan));
      charts[el.id] = chart;
    } catch (e) {
      failed.push(el.id);
      console.error('footprint report: chart ' + el.id + ' failed: ' + e);
    }
  });
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });
  window.footprintReport = { charts: charts, failed: failed, ready: true };
})();

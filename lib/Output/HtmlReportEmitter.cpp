//===- Output/HtmlReportEmitter.cpp - A self-contained HTML report --------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// One HTML file with no external assets, for a reviewer to open or mail:
//
//   - an overview: totals, and inline SVG bar charts of findings per rule and
//     per page (stacked by severity), then a table of pages, worst first;
//   - each page's text as a visitor reads it (the prose of its reader), with
//     every finding highlighted by severity and status, and the list of its
//     findings: message, matched text, suggestions, a link to the rule's docs;
//   - filters by rule, severity and status. The filter is kept in the URL
//     hash (#rule=...&severity=...&status=...), so a link opens filtered.
//
// Pages are rendered as they arrive (the source text is not kept); the page
// sections are written after the overview in end(). A page whose text is
// long shows only the blocks with findings and one block around each, so the
// report stays small and quick at 10,000 findings.
//
//===----------------------------------------------------------------------===//

#include "Output/Emitter.h"
#include "Output/Escape.h"
#include "Output/RuleInfo.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace claimlint {

namespace {

std::string esc(llvm::StringRef S) { return xmlEscape(S, false); }
std::string attr(llvm::StringRef S) { return xmlEscape(S, true); }

const char *sevClass(Severity S) {
  switch (S) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Info:
    return "info";
  }
  return "info";
}

/// Prose longer than this shows only the blocks around findings.
constexpr size_t FullTextLimit = 64 * 1024;

struct Counts {
  unsigned E = 0, W = 0, I = 0;
  unsigned total() const { return E + W + I; }
  void add(Severity S) {
    if (S == Severity::Error)
      ++E;
    else if (S == Severity::Warning)
      ++W;
    else
      ++I;
  }
};

class HtmlReportEmitter : public Emitter {
public:
  HtmlReportEmitter(llvm::raw_ostream &OS, const EmitterOptions &Opts)
      : OS(OS), Opts(Opts) {}

  void file(const FileReport &R) override;
  void end(const Summary &S) override;

private:
  struct Page {
    std::string Path;
    std::string Anchor;
    Counts C;
    std::string Html; ///< the page's section
  };

  const RuleInfo &rule(const std::string &Id) {
    auto It = Rules.find(Id);
    if (It == Rules.end())
      It = Rules.emplace(Id, describeRule(Opts.Rules, Id)).first;
    return It->second;
  }
  void renderText(const FileReport &R, size_t FirstFinding, std::string &Out);
  void renderFindings(const FileReport &R, size_t FirstFinding,
                      std::string &Out);
  void chart(llvm::raw_ostream &O, llvm::StringRef Title,
             const std::vector<std::pair<std::string, Counts>> &Bars,
             const std::vector<std::string> &Links, size_t Hidden);

  llvm::raw_ostream &OS;
  EmitterOptions Opts;
  std::vector<Page> Pages;
  std::vector<std::string> Errors;
  std::map<std::string, RuleInfo> Rules;
  std::map<std::string, Counts> PerRule;
  nlohmann::json Data = nlohmann::json::array(); ///< [rule, sev, status]
  size_t NextFinding = 0;
};

void HtmlReportEmitter::file(const FileReport &R) {
  if (!R.Error.empty()) {
    Errors.push_back(R.Path + ": " + R.Error);
    return;
  }
  if (R.Diags.empty())
    return;
  Page P;
  P.Path = R.Path;
  P.Anchor = "p" + std::to_string(Pages.size() + 1);
  size_t First = NextFinding;
  for (const Diagnostic &D : R.Diags) {
    P.C.add(D.Sev);
    PerRule[D.RuleId].add(D.Sev);
    Data.push_back(
        {D.RuleId, sevClass(D.Sev), claimStatusName(D.Status).str()});
  }
  NextFinding += R.Diags.size();
  std::string &H = P.Html;
  H += "<section class=\"page\" id=\"" + P.Anchor + "\"><h2>" + esc(R.Path) +
       " <span class=\"counts\">" + std::to_string(P.C.E) + " errors, " +
       std::to_string(P.C.W) + " warnings, " + std::to_string(P.C.I) +
       " infos</span></h2>\n";
  renderText(R, First, H);
  renderFindings(R, First, H);
  H += "</section>\n";
  Pages.push_back(std::move(P));
}

void HtmlReportEmitter::renderText(const FileReport &R, size_t First,
                                   std::string &Out) {
  Prose P = readDocument(R.Text, R.Type);
  const std::string &T = P.text();
  // Each finding's prose span; findings outside the prose (a directive in a
  // comment) are listed but not highlighted.
  struct Span {
    uint32_t B, E;
    size_t Id;
  };
  std::vector<Span> Spans;
  for (size_t I = 0; I < R.Diags.size(); ++I) {
    const Diagnostic &D = R.Diags[I];
    uint32_t B = P.fromOriginal(D.Offset);
    uint32_t E = P.fromOriginal(D.Offset + D.Length);
    if (E > B && B < T.size())
      Spans.push_back({B, std::min<uint32_t>(E, T.size()), First + I});
  }
  const auto &Blocks = P.blocks();
  std::vector<char> Show(Blocks.size(), T.size() <= FullTextLimit);
  auto BlockOf = [&](uint32_t Off) {
    auto It = std::upper_bound(
        Blocks.begin(), Blocks.end(), Off,
        [](uint32_t V, const Block &B) { return V < B.Text.Begin; });
    return It == Blocks.begin() ? size_t(0) : size_t(It - Blocks.begin() - 1);
  };
  if (T.size() > FullTextLimit)
    for (const Span &S : Spans) {
      size_t K = BlockOf(S.B);
      for (size_t J = K > 0 ? K - 1 : 0; J <= K + 1 && J < Blocks.size(); ++J)
        Show[J] = 1;
    }
  // Cut points: every span boundary; each piece between two cuts carries
  // the findings that cover it.
  std::vector<uint32_t> Cuts;
  for (const Span &S : Spans) {
    Cuts.push_back(S.B);
    Cuts.push_back(S.E);
  }
  std::sort(Cuts.begin(), Cuts.end());
  Cuts.erase(std::unique(Cuts.begin(), Cuts.end()), Cuts.end());
  std::vector<std::vector<size_t>> Cover(Cuts.size());
  for (const Span &S : Spans) {
    size_t K = std::lower_bound(Cuts.begin(), Cuts.end(), S.B) - Cuts.begin();
    for (; K + 1 < Cuts.size() && Cuts[K] < S.E; ++K)
      Cover[K].push_back(S.Id);
  }
  Out += "<div class=\"text\">\n";
  bool Gap = false;
  std::vector<char> Anchored(NextFinding - First, 0);
  for (size_t BI = 0; BI < Blocks.size(); ++BI) {
    if (!Show[BI]) {
      if (!Gap)
        Out += "<p class=\"gap\">&#8230;</p>\n";
      Gap = true;
      continue;
    }
    Gap = false;
    const Block &Bk = Blocks[BI];
    Out += "<p class=\"b k-" + blockKindName(Bk.Kind).str() + "\">";
    uint32_t Pos = Bk.Text.Begin;
    // Cuts[K] is the first cut after Pos; the piece up to it lies between
    // Cuts[K - 1] and Cuts[K], covered by Cover[K - 1].
    size_t K = std::upper_bound(Cuts.begin(), Cuts.end(), Pos) - Cuts.begin();
    while (Pos < Bk.Text.End) {
      uint32_t Next =
          K < Cuts.size() ? std::min(Bk.Text.End, Cuts[K]) : Bk.Text.End;
      llvm::StringRef Piece = llvm::StringRef(T).slice(Pos, Next);
      if (K == 0 || K >= Cuts.size() || Cover[K - 1].empty()) {
        Out += esc(Piece);
      } else {
        const std::vector<size_t> &Ids = Cover[K - 1];
        Severity Worst = Severity::Info;
        std::string List, Anchor;
        for (size_t Id : Ids) {
          Severity S = R.Diags[Id - First].Sev;
          if (static_cast<int>(S) > static_cast<int>(Worst))
            Worst = S;
          if (!List.empty())
            List += ' ';
          List += std::to_string(Id);
          if (!Anchored[Id - First] && Anchor.empty()) {
            Anchored[Id - First] = 1;
            Anchor = " id=\"m" + std::to_string(Id) + "\"";
          }
        }
        Out += "<mark class=\"hl sev-" + std::string(sevClass(Worst)) + "\"" +
               Anchor + " data-f=\"" + List + "\"><a href=\"#f" +
               std::to_string(Ids.front()) + "\">" + esc(Piece) + "</a></mark>";
      }
      Pos = Next;
      if (K < Cuts.size() && Cuts[K] <= Pos)
        ++K;
    }
    Out += "</p>\n";
  }
  Out += "</div>\n";
}

void HtmlReportEmitter::renderFindings(const FileReport &R, size_t First,
                                       std::string &Out) {
  Out += "<ol class=\"findings\">\n";
  std::set<std::string> Advised;
  for (size_t I = 0; I < R.Diags.size(); ++I) {
    const Diagnostic &D = R.Diags[I];
    const RuleInfo &Info = rule(D.RuleId);
    std::string Id = std::to_string(First + I);
    Out += "<li class=\"finding sev-" + std::string(sevClass(D.Sev)) +
           "\" id=\"f" + Id + "\" data-i=\"" + Id + "\">";
    Out += "<span class=\"sev\">" + std::string(sevClass(D.Sev)) + "</span> ";
    Out += "<span class=\"status st-" + claimStatusName(D.Status).str() +
           "\">" + esc(claimStatusName(D.Status)) + "</span> ";
    if (!Info.HelpUri.empty())
      Out += "<a class=\"rule\" href=\"" + attr(Info.HelpUri) + "\">" +
             esc(D.RuleId) + "</a>";
    else
      Out += "<span class=\"rule\">" + esc(D.RuleId) + "</span>";
    Out += " <a class=\"loc\" href=\"#m" + Id + "\">line " +
           std::to_string(D.Line) + ":" + std::to_string(D.Column) + "</a>";
    Out += "<div class=\"msg\">" + esc(D.Message) + "</div>";
    Out += "<div class=\"match\">&#8220;" + esc(D.Match) + "&#8221;</div>";
    // The advice of a rule is spelled out at its first finding on a page;
    // later ones keep their first suggestion (smaller at 10,000 findings).
    bool FirstOfRule = Advised.insert(D.RuleId).second;
    for (const std::string &S : D.Suggestions) {
      Out += "<div class=\"sugg\">Suggestion: " + esc(S) + "</div>";
      if (!FirstOfRule)
        break;
    }
    if (!D.Note.empty() && FirstOfRule)
      Out += "<div class=\"note\">" + esc(D.Note) + "</div>";
    if (!D.Evidence.empty())
      Out += "<div class=\"evidence\">Evidence: " + esc(D.Evidence) + "</div>";
    Out += "</li>\n";
  }
  Out += "</ol>\n";
}

/// A horizontal bar chart, one stacked bar (error, warning, info) per row.
void HtmlReportEmitter::chart(
    llvm::raw_ostream &O, llvm::StringRef Title,
    const std::vector<std::pair<std::string, Counts>> &Bars,
    const std::vector<std::string> &Links, size_t Hidden) {
  unsigned Max = 1;
  for (const auto &B : Bars)
    Max = std::max(Max, B.second.total());
  const unsigned Row = 20, LabelW = 300, BarW = 360;
  unsigned H = static_cast<unsigned>(Bars.size()) * Row + 10;
  O << "<figure class=\"chart\"><figcaption>" << esc(Title)
    << "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
    << LabelW + BarW + 60 << "\" height=\"" << H << "\" role=\"img\">\n";
  for (size_t I = 0; I < Bars.size(); ++I) {
    const Counts &C = Bars[I].second;
    unsigned Y = static_cast<unsigned>(I) * Row + 4;
    std::string Label = Bars[I].first;
    if (Label.size() > 48)
      Label = "..." + Label.substr(Label.size() - 45);
    O << "<g class=\"bar\">";
    if (!Links.empty())
      O << "<a href=\"#" << attr(Links[I]) << "\">";
    O << "<text x=\"" << LabelW - 6 << "\" y=\"" << Y + 13
      << "\" text-anchor=\"end\">" << esc(Label) << "</text>";
    if (!Links.empty())
      O << "</a>";
    double X = LabelW;
    auto Seg = [&](unsigned N, const char *Cls) {
      if (!N)
        return;
      double W = double(N) * BarW / Max;
      O << "<rect class=\"" << Cls << "\" x=\"" << llvm::format("%.1f", X)
        << "\" y=\"" << Y << "\" width=\"" << llvm::format("%.1f", W)
        << "\" height=\"" << Row - 6 << "\"><title>" << N << ' ' << Cls
        << "</title></rect>";
      X += W;
    };
    Seg(C.E, "error");
    Seg(C.W, "warning");
    Seg(C.I, "info");
    O << "<text x=\"" << llvm::format("%.1f", X + 4) << "\" y=\"" << Y + 13
      << "\">" << C.total() << "</text></g>\n";
  }
  O << "</svg>";
  if (Hidden)
    O << "<p class=\"more\">and " << Hidden << " more</p>";
  O << "</figure>\n";
}

const char *Style = R"css(
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header.top{background:#1d2330;color:#fff;padding:12px 24px}
header.top h1{font-size:20px;margin:0}
main{padding:12px 24px;max-width:1100px}
.totals span{display:inline-block;margin-right:16px}
.filters{position:sticky;top:0;background:#f6f7f9;padding:8px 0;border-bottom:1px solid #ccd;z-index:2}
.filters label{margin-right:14px}
.charts{display:flex;flex-wrap:wrap;gap:24px}
.chart{margin:0;background:#fff;border:1px solid #dde;padding:8px}
.chart figcaption{font-weight:600}
.chart text{font-size:12px;fill:#333}
rect.error,.sev-error .sev{fill:#c62828;background:#c62828}
rect.warning,.sev-warning .sev{fill:#ef8f00;background:#ef8f00}
rect.info,.sev-info .sev{fill:#1e6fd9;background:#1e6fd9}
table.pages{border-collapse:collapse;background:#fff}
table.pages td,table.pages th{border:1px solid #dde;padding:2px 8px;text-align:right}
table.pages td:first-child{text-align:left}
section.page{background:#fff;border:1px solid #dde;margin:16px 0;padding:8px 16px;content-visibility:auto;contain-intrinsic-size:auto 600px}
section.page h2{font-size:16px;word-break:break-all}
.counts{font-weight:400;color:#555;font-size:13px}
.text{border-left:3px solid #dde;padding-left:12px}
.text p{margin:4px 0}
.k-heading{font-weight:700}.k-title,.k-description,.k-alt-text{color:#555;font-style:italic}
.k-title:before{content:"title: "}.k-description:before{content:"description: "}.k-alt-text:before{content:"image text: "}
.gap{color:#999}
mark.hl a{color:inherit;text-decoration:none}
mark.hl{border-radius:2px;padding:0 1px}
mark.sev-error{background:#ffcdd2;border-bottom:2px solid #c62828}
mark.sev-warning{background:#ffe0a3;border-bottom:2px solid #ef8f00}
mark.sev-info{background:#d6e6fb;border-bottom:2px solid #1e6fd9}
mark.hl.off{background:none;border:0}
ol.findings{padding-left:20px}
li.finding{margin:6px 0}
.sev{color:#fff;border-radius:3px;padding:0 5px;font-size:12px}
.status{border:1px solid #99a;border-radius:3px;padding:0 5px;font-size:12px}
.st-unqualified{border-color:#c62828}
.rule{font-family:monospace}
.match{font-style:italic}.sugg{color:#1b5e20}.note{color:#555}
[hidden]{display:none!important}
)css";

// Filters: the hash holds the state; every change rewrites it. Marks show the
// colour of the worst visible finding they carry.
const char *Script = R"js(
(function(){
var data=JSON.parse(document.getElementById('findings-data').textContent);
var rows=document.querySelectorAll('li.finding');
var marks=document.querySelectorAll('mark.hl');
var pages=document.querySelectorAll('section.page');
var sel={rule:document.getElementById('f-rule'),severity:document.getElementById('f-severity'),status:document.getElementById('f-status')};
var rank={info:0,warning:1,error:2};
function state(){var s={};for(var k in sel)s[k]=sel[k].value;return s;}
function fromHash(){
  var h=location.hash.replace(/^#/,'');
  if(h.indexOf('=')<0)return;
  h.split('&').forEach(function(kv){var p=kv.split('=');var k=decodeURIComponent(p[0]),v=decodeURIComponent(p[1]||'');
    if(sel[k]){for(var i=0;i<sel[k].options.length;i++)if(sel[k].options[i].value===v)sel[k].value=v;}});
}
function apply(){
  var s=state(),vis=new Array(data.length),n=0;
  for(var i=0;i<data.length;i++){var d=data[i];
    vis[i]=(!s.rule||d[0]===s.rule)&&(!s.severity||d[1]===s.severity)&&(!s.status||d[2]===s.status);if(vis[i])n++;}
  for(var r=0;r<rows.length;r++)rows[r].hidden=!vis[+rows[r].getAttribute('data-i')];
  var on=0;
  for(var m=0;m<marks.length;m++){var ids=marks[m].getAttribute('data-f').split(' '),best=-1;
    for(var j=0;j<ids.length;j++){var id=+ids[j];if(vis[id]&&rank[data[id][1]]>best)best=rank[data[id][1]];}
    var c=marks[m].classList;c.toggle('off',best<0);c.remove('sev-error','sev-warning','sev-info');
    if(best>=0){on++;c.add('sev-'+['info','warning','error'][best]);}}
  var shown=0;
  for(var p=0;p<pages.length;p++){var any=pages[p].querySelector('li.finding:not([hidden])');pages[p].hidden=!any;if(any)shown++;}
  document.getElementById('shown').textContent=n+' of '+data.length+' findings on '+shown+' pages';
  document.body.setAttribute('data-visible-findings',n);
  document.body.setAttribute('data-visible-marks',on);
  document.body.setAttribute('data-visible-pages',shown);
  var parts=[];for(var k in s)if(s[k])parts.push(k+'='+encodeURIComponent(s[k]));
  var want=parts.length?'#'+parts.join('&'):' ';
  if(history.replaceState)history.replaceState(null,'',want===' '?location.pathname+location.search:want);
}
for(var k in sel)sel[k].addEventListener('change',apply);
window.addEventListener('hashchange',function(){fromHash();apply();});
var t0=performance.now();fromHash();apply();
document.body.setAttribute('data-filter-ms',Math.round(performance.now()-t0));
document.body.setAttribute('data-ready','1');
})();
)js";

void HtmlReportEmitter::end(const Summary &S) {
  // Worst pages first for the overview; sections stay in input order.
  std::vector<size_t> Order(Pages.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  std::stable_sort(Order.begin(), Order.end(), [&](size_t X, size_t Y) {
    const Counts &A = Pages[X].C, &B = Pages[Y].C;
    if (A.E != B.E)
      return A.E > B.E;
    if (A.W != B.W)
      return A.W > B.W;
    return A.I > B.I;
  });
  std::vector<std::pair<std::string, Counts>> ByRule(PerRule.begin(),
                                                     PerRule.end());
  std::stable_sort(ByRule.begin(), ByRule.end(),
                   [](const auto &X, const auto &Y) {
                     return X.second.total() > Y.second.total();
                   });
  Counts All;
  for (const Page &P : Pages) {
    All.E += P.C.E;
    All.W += P.C.W;
    All.I += P.C.I;
  }

  OS << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
     << "<meta name=\"viewport\" content=\"width=device-width\">"
     << "<title>claimlint report</title><style>" << Style
     << "</style></head>\n<body>\n<header class=\"top\"><h1>claimlint report"
     << "</h1><div>claimlint " << esc(Opts.ToolVersion) << "</div></header>\n"
     << "<main>\n<section class=\"overview\"><h2>Overview</h2>\n"
     << "<p class=\"totals\"><span><b id=\"total-findings\">" << All.total()
     << "</b> findings</span><span>" << All.E << " errors</span><span>" << All.W
     << " warnings</span><span>" << All.I << " infos</span><span>"
     << Pages.size() << " of " << S.Files << " pages with findings</span>";
  if (S.IoErrors)
    OS << "<span>" << S.IoErrors << " could not be read</span>";
  OS << "</p>\n";
  if (!Errors.empty()) {
    OS << "<ul class=\"read-errors\">";
    for (const std::string &E : Errors)
      OS << "<li>" << esc(E) << "</li>";
    OS << "</ul>\n";
  }

  const size_t MaxBars = 25;
  OS << "<div class=\"charts\">\n";
  {
    std::vector<std::pair<std::string, Counts>> Bars(
        ByRule.begin(), ByRule.begin() + std::min(MaxBars, ByRule.size()));
    chart(OS, "Findings per rule", Bars, {}, ByRule.size() - Bars.size());
  }
  {
    std::vector<std::pair<std::string, Counts>> Bars;
    std::vector<std::string> Links;
    for (size_t I = 0; I < Order.size() && I < MaxBars; ++I) {
      Bars.push_back({Pages[Order[I]].Path, Pages[Order[I]].C});
      Links.push_back(Pages[Order[I]].Anchor);
    }
    chart(OS, "Findings per page (worst first)", Bars, Links,
          Order.size() - Bars.size());
  }
  OS << "</div>\n";

  // Filters.
  OS << "<div class=\"filters\"><label>Rule <select id=\"f-rule\">"
     << "<option value=\"\">all</option>";
  for (const auto &R : PerRule)
    OS << "<option value=\"" << attr(R.first) << "\">" << esc(R.first) << " ("
       << R.second.total() << ")</option>";
  OS << "</select></label><label>Severity <select id=\"f-severity\">"
     << "<option value=\"\">all</option><option>error</option>"
     << "<option>warning</option><option>info</option></select></label>"
     << "<label>Status <select id=\"f-status\"><option value=\"\">all"
     << "</option>";
  for (ClaimStatus St :
       {ClaimStatus::Unqualified, ClaimStatus::Hedged, ClaimStatus::Negated,
        ClaimStatus::Cited, ClaimStatus::Reported, ClaimStatus::Reviewed})
    OS << "<option>" << claimStatusName(St) << "</option>";
  OS << "</select></label> <span id=\"shown\"></span></div>\n";

  OS << "<h3>Pages</h3>\n<table class=\"pages\"><tr><th>page</th>"
     << "<th>errors</th><th>warnings</th><th>infos</th></tr>\n";
  for (size_t I : Order)
    OS << "<tr><td><a href=\"#" << Pages[I].Anchor << "\">"
       << esc(Pages[I].Path) << "</a></td><td>" << Pages[I].C.E << "</td><td>"
       << Pages[I].C.W << "</td><td>" << Pages[I].C.I << "</td></tr>\n";
  OS << "</table>\n</section>\n";

  for (const Page &P : Pages)
    OS << P.Html;
  if (Pages.empty())
    OS << "<p class=\"none\">No findings.</p>\n";

  // "</" cannot end the script early: the JSON escapes '/' after '<'.
  std::string Json =
      Data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string Safe;
  for (size_t I = 0; I < Json.size(); ++I) {
    if (Json[I] == '<')
      Safe += "\\u003c";
    else
      Safe.push_back(Json[I]);
  }
  OS << "</main>\n<script type=\"application/json\" id=\"findings-data\">"
     << Safe << "</script>\n<script>" << Script
     << "</script>\n</body></html>\n";
}

} // namespace

std::unique_ptr<Emitter> makeHtmlReportEmitter(llvm::raw_ostream &OS,
                                               const EmitterOptions &Opts) {
  return std::make_unique<HtmlReportEmitter>(OS, Opts);
}

} // namespace claimlint

//===- bench/OutputBench.cpp - Output format benchmarks -------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Each output format writing one report of the corpus with a finding at
// every match of the 25 synthetic claim patterns, into a stream that only
// counts bytes. A format name that parseOutputFormat() does not know is
// skipped, so formats added later are measured without changes here.
//
//===----------------------------------------------------------------------===//

#include "Markup/Reader.h"
#include "Match/PatternSet.h"
#include "Output/Emitter.h"
#include "Support/LineIndex.h"

#include <benchmark/benchmark.h>

#include "BenchCorpus.h"

namespace claimlint {
namespace bench {
namespace {

class CountingStream : public llvm::raw_ostream {
public:
  CountingStream() { SetBufferSize(1 << 16); }
  uint64_t Count = 0;

private:
  void write_impl(const char *, size_t Size) override { Count += Size; }
  uint64_t current_pos() const override { return Count; }
};

const FileReport &report() {
  static const FileReport R = [] {
    FileReport R;
    R.Path = "docs/clinic/knee-pain.md";
    R.Type = FileType::Markdown;
    R.Text = corpus().Markdown;
    Prose P = readMarkdown(R.Text);
    LineIndex L(R.Text);
    PatternSet S;
    for (const std::string &X : claimPatterns(25))
      llvm::cantFail(S.add(X));
    llvm::cantFail(S.compile());
    unsigned N = 0;
    S.matchAll(P.text(), [&](unsigned Pat, uint32_t B, uint32_t E) {
      Range O = P.toOriginal({B, E});
      Diagnostic D;
      D.Path = R.Path;
      D.RuleId = "bench/claim-" + std::to_string(Pat);
      D.Sev = N % 4 ? Severity::Warning : Severity::Error;
      D.Offset = O.Begin;
      D.Length = O.size();
      LineIndex::Position PB = L.position(O.Begin), PE = L.position(O.End);
      D.Line = PB.Line;
      D.Column = PB.Column;
      D.EndLine = PE.Line;
      D.EndColumn = PE.Column;
      D.Match = R.Text.substr(O.Begin, O.size());
      D.Message = "'" + D.Match + "' is an unqualified health claim";
      D.Note = "qualify it (\"may help some patients\") or cite evidence";
      D.Suggestions = {"may help", "can help some people"};
      D.SafeSuggestions = {true, false};
      if (N % 5 == 0) {
        D.Status = ClaimStatus::Hedged;
        D.Explanation = "hedged: 'may'";
        D.Cues.push_back({"hedge", O.Begin > 10 ? O.Begin - 10 : 0, 3, "may"});
      } else {
        D.Explanation = "unqualified";
      }
      R.Diags.push_back(std::move(D));
      ++N;
      return true;
    });
    std::sort(R.Diags.begin(), R.Diags.end(),
              [](const Diagnostic &X, const Diagnostic &Y) {
                return X.Offset < Y.Offset;
              });
    return R;
  }();
  return R;
}

void BM_Emit(benchmark::State &St, OutputFormat F) {
  const FileReport &R = report();
  Summary Sum;
  Sum.Files = 1;
  Sum.FilesWithFindings = 1;
  Sum.Bytes = R.Text.size();
  for (const Diagnostic &D : R.Diags)
    ++(D.Sev == Severity::Error ? Sum.Errors : Sum.Warnings);
  uint64_t Out = 0;
  for (auto _ : St) {
    CountingStream OS;
    std::unique_ptr<Emitter> E = makeEmitter(F, OS, EmitterOptions());
    E->begin();
    E->file(R);
    E->end(Sum);
    OS.flush();
    Out = OS.Count;
  }
  St.SetItemsProcessed(static_cast<int64_t>(St.iterations() * R.Diags.size()));
  St.SetBytesProcessed(static_cast<int64_t>(St.iterations() * Out));
  St.counters["diagnostics"] = static_cast<double>(R.Diags.size());
  St.counters["output_bytes"] = static_cast<double>(Out);
}

/// Registers one benchmark per output format this build knows.
const bool Registered = [] {
  for (const char *Name : {"text", "json", "claims", "claims-json", "sarif",
                           "checkstyle", "junit", "github", "gitlab", "rdjson"})
    if (llvm::Optional<OutputFormat> F = parseOutputFormat(Name))
      benchmark::RegisterBenchmark(
          (std::string("BM_Emit/") + Name).c_str(),
          [F](benchmark::State &St) { BM_Emit(St, *F); })
          ->Unit(benchmark::kMillisecond);
  return true;
}();

} // namespace
} // namespace bench
} // namespace claimlint

//===- bench/ContextBench.cpp - Context analysis benchmarks ---------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The Analyzer on the built-in lexicon: once per claim the 25 synthetic
// claim patterns find in the corpus (the engine's case), and once per
// sentence (the cost per byte of prose if every sentence held a claim).
//
//===----------------------------------------------------------------------===//

#include "Context/Analyzer.h"
#include "Context/Segmenter.h"
#include "Engine/Workspace.h"
#include "Markup/Reader.h"
#include "Match/PatternSet.h"

#include <algorithm>
#include <benchmark/benchmark.h>

#include "BenchCorpus.h"

namespace claimlint {
namespace bench {
namespace {

struct Claims {
  Prose P;
  std::vector<Sentence> Sentences;
  std::vector<std::pair<size_t, Range>> Found; // sentence index, claim
};

const Claims &claims() {
  static const Claims C = [] {
    Claims C;
    C.P = readMarkdown(corpus().Markdown);
    C.Sentences = segmentSentences(C.P);
    PatternSet S;
    for (const std::string &X : claimPatterns(25))
      llvm::cantFail(S.add(X));
    llvm::cantFail(S.compile());
    for (size_t I = 0; I < C.Sentences.size(); ++I) {
      Range R = C.Sentences[I].Text;
      S.matchAll(llvm::StringRef(C.P.text()).slice(R.Begin, R.End),
                 [&](unsigned, uint32_t B, uint32_t E) {
                   C.Found.push_back({I, {R.Begin + B, R.Begin + E}});
                   return true;
                 });
    }
    return C;
  }();
  return C;
}

void BM_ContextPerClaim(benchmark::State &St) {
  const Claims &C = claims();
  const Analyzer &A = workspace().analyzer();
  size_t Qualified = 0;
  for (auto _ : St) {
    Qualified = 0;
    for (const auto &F : C.Found) {
      ContextResult R = A.analyze(C.P.text(), C.Sentences[F.first], F.second);
      Qualified += R.Hedged || R.Negated || R.Cited || R.Reported;
    }
    benchmark::DoNotOptimize(Qualified);
  }
  St.SetItemsProcessed(static_cast<int64_t>(St.iterations() * C.Found.size()));
  St.counters["claims"] = static_cast<double>(C.Found.size());
  St.counters["qualified"] = static_cast<double>(Qualified);
}
BENCHMARK(BM_ContextPerClaim)->Unit(benchmark::kMillisecond);

void BM_ContextEverySentence(benchmark::State &St) {
  const Claims &C = claims();
  const Analyzer &A = workspace().analyzer();
  llvm::StringRef T = C.P.text();
  std::vector<Range> First; // the first word of each sentence as the claim
  for (const Sentence &S : C.Sentences) {
    llvm::StringRef X = T.slice(S.Text.Begin, S.Text.End);
    size_t W = std::min(X.find(' '), X.size());
    First.push_back({S.Text.Begin, S.Text.Begin + static_cast<uint32_t>(
                                                      std::max<size_t>(W, 1))});
  }
  for (auto _ : St)
    for (size_t I = 0; I < C.Sentences.size(); ++I)
      benchmark::DoNotOptimize(A.analyze(T, C.Sentences[I], First[I]));
  St.SetBytesProcessed(static_cast<int64_t>(St.iterations() * T.size()));
  St.counters["sentences"] = static_cast<double>(C.Sentences.size());
}
BENCHMARK(BM_ContextEverySentence)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace bench
} // namespace claimlint

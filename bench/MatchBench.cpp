//===- bench/MatchBench.cpp - Matcher and whole-file benchmarks -----------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// PatternSet throughput with 25, 300 and 3,000 claim-shaped patterns over
// the prose of the corpus, in the engine's 2 KB block chunks; its compile
// time; the default pack's triggers; and Linter::lint end to end.
//
//===----------------------------------------------------------------------===//

#include "Context/Lexicon.h"
#include "Engine/Workspace.h"
#include "Markup/Reader.h"
#include "Match/PatternSet.h"
#include "Rules/Builtin.h"
#include "Rules/RuleLoader.h"

#include <benchmark/benchmark.h>

#include "BenchCorpus.h"

namespace claimlint {
namespace bench {
namespace {

const Prose &markdownProse() {
  static const Prose P = readMarkdown(corpus().Markdown);
  return P;
}

/// The prose in chunks of whole blocks of at least \p Min bytes (2 KB is
/// what Linter.cpp cuts for the prefilter).
std::vector<llvm::StringRef> chunks(const Prose &P, size_t Min = 2048) {
  std::vector<llvm::StringRef> Out;
  llvm::StringRef T = P.text();
  const auto &B = P.blocks();
  for (size_t I = 0; I < B.size();) {
    uint32_t Begin = B[I].Text.Begin, End = B[I].Text.End;
    ++I;
    while (I < B.size() && End - Begin < Min)
      End = B[I++].Text.End;
    Out.push_back(T.slice(Begin, End));
  }
  return Out;
}

PatternSet buildSet(unsigned N) {
  PatternSet S;
  for (const std::string &P : claimPatterns(N))
    if (!S.add(P)) {
      std::fprintf(stderr, "bad pattern %s\n", P.c_str());
      std::abort();
    }
  if (llvm::Error E = S.compile()) {
    llvm::consumeError(std::move(E));
    std::abort();
  }
  return S;
}

/// Runs \p Scan(chunk, count) over the corpus prose cut into chunks of at
/// least \p Min bytes; reports bytes and matches.
template <typename ScanFn>
void scanChunksWith(benchmark::State &St, ScanFn Scan, size_t Min = 2048) {
  std::vector<llvm::StringRef> C = chunks(markdownProse(), Min);
  size_t Bytes = 0;
  for (llvm::StringRef X : C)
    Bytes += X.size();
  size_t Matches = 0;
  for (auto _ : St) {
    Matches = 0;
    for (llvm::StringRef X : C)
      Scan(X, Matches);
    benchmark::DoNotOptimize(Matches);
  }
  St.SetBytesProcessed(static_cast<int64_t>(St.iterations() * Bytes));
  St.counters["matches"] = static_cast<double>(Matches);
}

void scanChunks(benchmark::State &St, const PatternSet &S, size_t Min = 2048) {
  scanChunksWith(
      St,
      [&](llvm::StringRef X, size_t &N) {
        S.matchAll(X, [&](unsigned, uint32_t, uint32_t) {
          ++N;
          return true;
        });
      },
      Min);
  St.counters["patterns"] = static_cast<double>(S.size());
  St.counters["fallbacks"] = static_cast<double>(S.fallbacks());
}

/// Every trigger of the default pack (phrase matcher and RE2), as the
/// linter finds them.
void scanDefaultPack(benchmark::State &St, size_t Min) {
  const RuleSet &R = workspace().rules();
  scanChunksWith(
      St,
      [&](llvm::StringRef X, size_t &N) {
        R.findTriggers(X, [&](RuleSet::Owner, uint32_t, uint32_t) {
          ++N;
          return true;
        });
      },
      Min);
  St.counters["phrase_groups"] = static_cast<double>(R.phraseGroups());
  St.counters["re2_patterns"] = static_cast<double>(R.triggers().size());
}

void BM_PatternSetScan(benchmark::State &St) {
  PatternSet S = buildSet(static_cast<unsigned>(St.range(0)));
  scanChunks(St, S);
}
BENCHMARK(BM_PatternSetScan)
    ->Arg(25)
    ->Arg(300)
    ->Arg(3000)
    ->Unit(benchmark::kMillisecond);

/// The same by chunk size: {patterns, minimum chunk bytes}.
void BM_PatternSetChunkSize(benchmark::State &St) {
  PatternSet S = buildSet(static_cast<unsigned>(St.range(0)));
  scanChunks(St, S, static_cast<size_t>(St.range(1)));
}
BENCHMARK(BM_PatternSetChunkSize)
    ->ArgsProduct({{25, 3000}, {0, 64, 128, 256, 2048}})
    ->Unit(benchmark::kMillisecond);

/// Only the RE2::Set pass (which patterns occur), no exact spans.
void BM_PatternSetCandidates(benchmark::State &St) {
  PatternSet S = buildSet(static_cast<unsigned>(St.range(0)));
  std::vector<llvm::StringRef> C = chunks(markdownProse());
  size_t Bytes = 0;
  for (llvm::StringRef X : C)
    Bytes += X.size();
  std::vector<int> Out;
  for (auto _ : St)
    for (llvm::StringRef X : C) {
      S.candidates(X, Out);
      benchmark::DoNotOptimize(Out.data());
    }
  St.SetBytesProcessed(static_cast<int64_t>(St.iterations() * Bytes));
}
BENCHMARK(BM_PatternSetCandidates)
    ->Arg(25)
    ->Arg(300)
    ->Arg(3000)
    ->Unit(benchmark::kMillisecond);

void BM_PatternSetCompile(benchmark::State &St) {
  std::vector<std::string> P =
      claimPatterns(static_cast<unsigned>(St.range(0)));
  for (auto _ : St) {
    PatternSet S;
    for (const std::string &X : P)
      llvm::cantFail(S.add(X));
    llvm::cantFail(S.compile());
    benchmark::DoNotOptimize(S.size());
  }
}
BENCHMARK(BM_PatternSetCompile)
    ->Arg(25)
    ->Arg(300)
    ->Arg(3000)
    ->Unit(benchmark::kMillisecond);

void BM_DefaultPackTriggers(benchmark::State &St) { scanDefaultPack(St, 0); }
BENCHMARK(BM_DefaultPackTriggers)->Unit(benchmark::kMillisecond);

/// The part of the default pack's triggers that stays in RE2 (regex
/// patterns, phrase groups the phrase matcher does not take).
void BM_DefaultPackRe2Triggers(benchmark::State &St) {
  scanChunks(St, workspace().rules().triggers(), 0);
}
BENCHMARK(BM_DefaultPackRe2Triggers)->Unit(benchmark::kMillisecond);

/// The default pack's triggers by chunk size (Linter.cpp uses one block).
void BM_DefaultPackChunkSize(benchmark::State &St) {
  scanDefaultPack(St, static_cast<size_t>(St.range(0)));
}
BENCHMARK(BM_DefaultPackChunkSize)
    ->Arg(0)
    ->Arg(64)
    ->Arg(128)
    ->Arg(256)
    ->Arg(512)
    ->Arg(2048)
    ->Unit(benchmark::kMillisecond);

void lintBench(benchmark::State &St, const std::string &Text, FileType T) {
  const Workspace &W = workspace();
  FileSettings S = defaultSettings(W.rules(), T);
  size_t Diags = 0;
  for (auto _ : St) {
    FileReport R = W.linter().lint("bench", Text, S);
    Diags = R.Diags.size();
    benchmark::DoNotOptimize(R.Diags.data());
  }
  St.SetBytesProcessed(static_cast<int64_t>(St.iterations() * Text.size()));
  St.counters["diagnostics"] = static_cast<double>(Diags);
}

void BM_LintMarkdown(benchmark::State &St) {
  lintBench(St, corpus().Markdown, FileType::Markdown);
}
BENCHMARK(BM_LintMarkdown)->Unit(benchmark::kMillisecond);

void BM_LintHtml(benchmark::State &St) {
  lintBench(St, corpus().Html, FileType::Html);
}
BENCHMARK(BM_LintHtml)->Unit(benchmark::kMillisecond);

void BM_LintPlain(benchmark::State &St) {
  lintBench(St, corpus().Plain, FileType::Text);
}
BENCHMARK(BM_LintPlain)->Unit(benchmark::kMillisecond);

/// Load and compile the built-in packs and the lexicon (the start-up cost).
void BM_WorkspaceCreate(benchmark::State &St) {
  for (auto _ : St) {
    WorkspaceOptions O;
    O.NoConfig = true;
    auto W = Workspace::create(O);
    if (!W) {
      llvm::consumeError(W.takeError());
      St.SkipWithError("workspace failed");
      return;
    }
    benchmark::DoNotOptimize(W->get());
  }
}
BENCHMARK(BM_WorkspaceCreate)->Unit(benchmark::kMillisecond);

/// The parts of start-up: the lexicon read, the Analyzer compiled from it,
/// and the built-in packs loaded and compiled into a RuleSet.
void BM_StartupLexiconParse(benchmark::State &St) {
  llvm::StringRef Text = builtinRuleFile("lexicon.json");
  for (auto _ : St) {
    auto L = Lexicon::parse("lexicon.json", Text);
    if (!L) {
      llvm::consumeError(L.takeError());
      St.SkipWithError("lexicon failed");
      return;
    }
    benchmark::DoNotOptimize(L->Classes.data());
  }
}
BENCHMARK(BM_StartupLexiconParse)->Unit(benchmark::kMillisecond);

void BM_StartupAnalyzerCreate(benchmark::State &St) {
  auto L = Lexicon::parse("lexicon.json", builtinRuleFile("lexicon.json"));
  if (!L) {
    llvm::consumeError(L.takeError());
    St.SkipWithError("lexicon failed");
    return;
  }
  for (auto _ : St) {
    auto A = Analyzer::create(*L);
    if (!A) {
      llvm::consumeError(A.takeError());
      St.SkipWithError("analyzer failed");
      return;
    }
    benchmark::DoNotOptimize(A->get());
  }
}
BENCHMARK(BM_StartupAnalyzerCreate)->Unit(benchmark::kMillisecond);

void BM_StartupRules(benchmark::State &St) {
  for (auto _ : St) {
    RuleLoader Loader;
    Loader.addBuiltin();
    auto Loaded = Loader.load();
    if (!Loaded) {
      llvm::consumeError(Loaded.takeError());
      St.SkipWithError("rules failed");
      return;
    }
    auto RS = RuleSet::build(std::move(Loaded->Rules));
    if (!RS) {
      llvm::consumeError(RS.takeError());
      St.SkipWithError("rule set failed");
      return;
    }
    benchmark::DoNotOptimize(RS->get());
  }
}
BENCHMARK(BM_StartupRules)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace bench
} // namespace claimlint

//===- bench/MicroMain.cpp - Microbenchmark entry point -------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// claimlint-microbench [--benchmark_filter=REGEX] [...Google Benchmark flags]
// claimlint-microbench --print-patterns=N
// claimlint-microbench --print-default-patterns
//
// Prints the corpus sizes first, so results from different runs can be
// compared per byte. CLAIMLINT_BENCH_RULES_DIR=DIR adds the packs in DIR to
// the workspace the whole-file benchmarks lint with. --print-patterns prints
// the first N synthetic claim patterns, one a line (bench/compare builds its
// scaling packs from them).
//
//===----------------------------------------------------------------------===//

#include "Engine/Workspace.h"
#include "Rules/RuleLoader.h"
#include "Support/Error.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "BenchCorpus.h"

namespace claimlint {
namespace bench {

const Workspace &workspace() {
  static std::unique_ptr<Workspace> W = [] {
    WorkspaceOptions O;
    O.NoConfig = true;
    O.Lint.Today = "2025-01-01";
    if (const char *D = std::getenv("CLAIMLINT_BENCH_RULES_DIR"))
      O.RulesDirs.push_back(D);
    auto WS = Workspace::create(O);
    if (!WS) {
      printErrors(WS.takeError(), llvm::errs(), false);
      std::exit(2);
    }
    return std::move(*WS);
  }();
  return *W;
}

} // namespace bench
} // namespace claimlint

int main(int Argc, char **Argv) {
  using namespace claimlint;
  const char *Print = "--print-patterns=";
  if (Argc == 2 && std::strncmp(Argv[1], Print, std::strlen(Print)) == 0) {
    int N = std::atoi(Argv[1] + std::strlen(Print));
    for (const std::string &P :
         bench::claimPatterns(static_cast<unsigned>(std::max(N, 0))))
      std::printf("%s\n", P.c_str());
    return 0;
  }
  if (Argc == 2 && std::strcmp(Argv[1], "--print-default-patterns") == 0) {
    // Every regex of the built-in packs as the loader compiles it: rule id,
    // kind (trigger group, exception, requirement), its size, the regex.
    RuleLoader Loader;
    Loader.addBuiltin();
    auto Loaded = Loader.load();
    if (!Loaded) {
      printErrors(Loaded.takeError(), llvm::errs(), false);
      return 2;
    }
    auto Print = [](const Rule &R, const char *Kind, const CompiledPattern &P) {
      std::printf("%s\t%s%s\t%zu\t%s\n", R.Id.c_str(), Kind,
                  P.Longest ? "/phrase" : "", P.Regex.size(), P.Regex.c_str());
    };
    for (const Rule &R : Loaded->Rules) {
      for (size_t G = 0; G < R.Triggers.size(); ++G) {
        bool Phrases = false;
        for (const CompiledPattern &P : R.Triggers[G].Compiled) {
          if (!P.Longest)
            Print(R, "trigger", P);
          Phrases |= P.Longest;
        }
        // Phrases are translated when needed: here, all of a group's as
        // the one alternation RE2 would match.
        if (Phrases)
          Print(R, "trigger",
                {llvm::cantFail(triggerPhrasesRegex(R, G)), true, ""});
      }
      for (const CompiledPattern &P : R.CompiledExceptions)
        Print(R, "exception", P);
      for (const CompiledPattern &P : R.CompiledRequires)
        Print(R, "requires", P);
    }
    return 0;
  }
  benchmark::Initialize(&Argc, Argv);
  if (benchmark::ReportUnrecognizedArguments(Argc, Argv))
    return 1;
  const bench::Corpus &C = bench::corpus();
  benchmark::AddCustomContext("markdown_bytes",
                              std::to_string(C.Markdown.size()));
  benchmark::AddCustomContext("html_bytes", std::to_string(C.Html.size()));
  benchmark::AddCustomContext("plain_bytes", std::to_string(C.Plain.size()));
  benchmark::AddCustomContext(
      "default_pack_rules",
      std::to_string(bench::workspace().rules().rules().size()));
  benchmark::AddCustomContext(
      "default_pack_re2_patterns",
      std::to_string(bench::workspace().rules().triggers().size()));
  benchmark::AddCustomContext(
      "default_pack_phrase_groups",
      std::to_string(bench::workspace().rules().phraseGroups()));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

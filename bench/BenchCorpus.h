//===- bench/BenchCorpus.h - Inputs for the microbenchmarks -----*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Deterministic patient-facing pages for the microbenchmarks, the same
/// content as Markdown, HTML and plain text (about 1 MB of Markdown by
/// default; CLAIMLINT_BENCH_MB changes it), and synthetic claim patterns in
/// any number. CLAIMLINT_BENCH_CORPUS=FILE.md replaces the generated
/// Markdown with a file (bench/compare's corpora, for instance).
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_BENCH_BENCHCORPUS_H
#define CLAIMLINT_BENCH_BENCHCORPUS_H

#include <string>
#include <vector>

namespace claimlint {
class Workspace;
namespace bench {

struct Corpus {
  std::string Markdown;
  std::string Html;
  std::string Plain;
};

/// The corpus, generated once.
const Corpus &corpus();

/// \p N distinct RE2 patterns shaped like claim rules (word-bounded phrases
/// with inflections and optional words), the first ones the most common.
std::vector<std::string> claimPatterns(unsigned N);

/// A workspace with the built-in packs and lexicon and no config, as
/// `claimlint --no-config` sees it (plus CLAIMLINT_BENCH_RULES_DIR's packs);
/// built once (MicroMain.cpp).
const Workspace &workspace();

} // namespace bench
} // namespace claimlint

#endif // CLAIMLINT_BENCH_BENCHCORPUS_H

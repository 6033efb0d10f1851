//===- bench/MarkupBench.cpp - Reader and segmentation benchmarks ---------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Context/Segmenter.h"
#include "Markup/Reader.h"
#include "Support/LineIndex.h"

#include <md4c.h>

#include <benchmark/benchmark.h>

#include "BenchCorpus.h"

namespace claimlint {
namespace bench {
namespace {

void readBench(benchmark::State &St, const std::string &Text, FileType T) {
  size_t Blocks = 0, ProseBytes = 0;
  for (auto _ : St) {
    Prose P = readDocument(Text, T);
    Blocks = P.blocks().size();
    ProseBytes = P.text().size();
    benchmark::DoNotOptimize(P.text().data());
  }
  St.SetBytesProcessed(static_cast<int64_t>(St.iterations() * Text.size()));
  St.counters["blocks"] = static_cast<double>(Blocks);
  St.counters["prose_bytes"] = static_cast<double>(ProseBytes);
}

void BM_ReadMarkdown(benchmark::State &St) {
  readBench(St, corpus().Markdown, FileType::Markdown);
}
BENCHMARK(BM_ReadMarkdown)->Unit(benchmark::kMillisecond);

/// md4c alone with callbacks that do nothing: the floor under
/// BM_ReadMarkdown.
void BM_Md4cParseOnly(benchmark::State &St) {
  const std::string &T = corpus().Markdown;
  MD_PARSER Parser{};
  Parser.flags = MD_DIALECT_GITHUB;
  Parser.enter_block = [](MD_BLOCKTYPE, void *, void *) { return 0; };
  Parser.leave_block = [](MD_BLOCKTYPE, void *, void *) { return 0; };
  Parser.enter_span = [](MD_SPANTYPE, void *, void *) { return 0; };
  Parser.leave_span = [](MD_SPANTYPE, void *, void *) { return 0; };
  Parser.text = [](MD_TEXTTYPE, const MD_CHAR *, MD_SIZE, void *U) {
    ++*static_cast<size_t *>(U);
    return 0;
  };
  size_t Texts = 0;
  for (auto _ : St) {
    Texts = 0;
    md_parse(T.data(), static_cast<MD_SIZE>(T.size()), &Parser, &Texts);
    benchmark::DoNotOptimize(Texts);
  }
  St.SetBytesProcessed(static_cast<int64_t>(St.iterations() * T.size()));
  St.counters["text_callbacks"] = static_cast<double>(Texts);
}
BENCHMARK(BM_Md4cParseOnly)->Unit(benchmark::kMillisecond);

void BM_ReadHtml(benchmark::State &St) {
  readBench(St, corpus().Html, FileType::Html);
}
BENCHMARK(BM_ReadHtml)->Unit(benchmark::kMillisecond);

void BM_ReadPlain(benchmark::State &St) {
  readBench(St, corpus().Plain, FileType::Text);
}
BENCHMARK(BM_ReadPlain)->Unit(benchmark::kMillisecond);

void BM_Segment(benchmark::State &St) {
  Prose P = readMarkdown(corpus().Markdown);
  size_t N = 0;
  for (auto _ : St) {
    std::vector<Sentence> S = segmentSentences(P);
    N = S.size();
    benchmark::DoNotOptimize(S.data());
  }
  St.SetBytesProcessed(static_cast<int64_t>(St.iterations() * P.text().size()));
  St.counters["sentences"] = static_cast<double>(N);
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

/// Prose offsets back to the file, for every word start (the map every
/// reported position goes through).
void BM_ToOriginal(benchmark::State &St) {
  Prose P = readMarkdown(corpus().Markdown);
  std::vector<Range> Words;
  llvm::StringRef T = P.text();
  for (uint32_t I = 0; I + 4 < T.size(); I += 97)
    Words.push_back({I, I + 4});
  for (auto _ : St)
    for (Range R : Words)
      benchmark::DoNotOptimize(P.toOriginal(R));
  St.SetItemsProcessed(static_cast<int64_t>(St.iterations() * Words.size()));
}
BENCHMARK(BM_ToOriginal)->Unit(benchmark::kMillisecond);

void BM_LineIndex(benchmark::State &St) {
  const std::string &T = corpus().Markdown;
  for (auto _ : St) {
    LineIndex L(T);
    benchmark::DoNotOptimize(L.lineCount());
  }
  St.SetBytesProcessed(static_cast<int64_t>(St.iterations() * T.size()));
}
BENCHMARK(BM_LineIndex)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace bench
} // namespace claimlint

//===- fuzz/ContextFuzzer.cpp - Sentences, cues and decisions -------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// The first byte picks the reader (plain text, Markdown, HTML); the rest is
// read, segmented into sentences, and every sentence is scanned for cues with
// the built-in lexicon. Claims are placed on words of each sentence and
// judged both ways the Analyzer offers (one call, or scan then analyze),
// which must agree. Sentences, clauses, breaks and cues must lie inside their
// block or sentence, in order; a decision's cues come from the context's.
//
//===----------------------------------------------------------------------===//

#include "Context/Analyzer.h"
#include "Context/Segmenter.h"
#include "Markup/Reader.h"

#include <algorithm>

#include "FuzzCommon.h"

using namespace claimlint;

namespace {

void checkCue(const Cue &C, llvm::StringRef Text, Range Within,
              const char *What) {
  std::string At = std::string(" (") + What + " " + cueKindName(C.Kind).str() +
                   " at [" + fuzz::str(C.Span.Begin) + ", " +
                   fuzz::str(C.Span.End) + "))";
  FUZZ_CHECK(C.Span.Begin <= C.Span.End && C.Span.End <= Text.size(),
             "cue outside the prose" + At);
  FUZZ_CHECK(C.Kind == CueKind::Annotation ||
                 (C.Span.Begin >= Within.Begin && C.Span.End <= Within.End),
             "cue outside its sentence" + At);
  // Kinds that only mask or bound (termination, ...) have no reach.
  FUZZ_CHECK(C.Scope != CueScope::Default ||
                 defaultScope(C.Kind) == CueScope::Default,
             "cue scope left unresolved" + At);
}

bool sameCues(const std::vector<Cue> &A, const std::vector<Cue> &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (A[I].Kind != B[I].Kind || !(A[I].Span == B[I].Span))
      return false;
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  static const FileType Types[] = {FileType::Text, FileType::Markdown,
                                   FileType::Html};
  FileType Type = Types[Data[0] % 3];
  llvm::StringRef Src(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  Prose P = readDocument(Src, Type);
  fuzz::checkProse(P, Src);
  llvm::StringRef T = P.text();
  const Analyzer &A = fuzz::builtinWorkspace().analyzer();

  std::vector<Sentence> Sentences = segmentSentences(P);
  uint32_t LastEnd = 0;
  for (const Sentence &S : Sentences) {
    std::string At = " (sentence [" + fuzz::str(S.Text.Begin) + ", " +
                     fuzz::str(S.Text.End) + "))";
    FUZZ_CHECK(S.Block < P.blocks().size(), "sentence of no block" + At);
    const Range &B = P.blocks()[S.Block].Text;
    FUZZ_CHECK(S.Text.Begin < S.Text.End, "empty sentence" + At);
    FUZZ_CHECK(S.Text.Begin >= B.Begin && S.Text.End <= B.End,
               "sentence outside its block" + At);
    FUZZ_CHECK(S.Text.Begin >= LastEnd, "sentences overlap or go back" + At);
    FUZZ_CHECK(T[S.Text.Begin] != ' ' && T[S.Text.End - 1] != ' ',
               "untrimmed sentence" + At);
    LastEnd = S.Text.End;

    Range Next = nextSentence(T, S);
    FUZZ_CHECK(Next.Begin >= S.Text.End && Next.End <= B.End &&
                   Next.Begin <= Next.End,
               "next sentence outside the block" + At);

    SentenceCues Sc = A.scan(T, S);
    for (const Cue &C : Sc.Cues)
      checkCue(C, T, S.Text, "cue");
    for (const Cue &C : Sc.NextCues)
      checkCue(C, T, Sc.Next, "next-sentence cue");
    uint32_t PrevBreak = S.Text.Begin;
    for (const Range &Br : Sc.Breaks) {
      FUZZ_CHECK(Br.Begin >= PrevBreak && Br.Begin <= Br.End &&
                     Br.End <= S.Text.End,
                 "clause break out of order or outside the sentence" + At);
      PrevBreak = Br.Begin;
    }
    uint32_t PrevClause = S.Text.Begin;
    for (const Range &Cl : A.clauses(T, S)) {
      FUZZ_CHECK(Cl.Begin >= PrevClause && Cl.Begin <= Cl.End &&
                     Cl.End <= S.Text.End,
                 "clause out of order or outside the sentence" + At);
      PrevClause = Cl.End;
    }

    // Claims: up to 12 words of the sentence, each judged both ways.
    unsigned Claims = 0;
    for (uint32_t I = S.Text.Begin; I < S.Text.End && Claims < 12; ++I) {
      if (I != S.Text.Begin && T[I - 1] != ' ')
        continue;
      uint32_t E = I;
      while (E < S.Text.End && T[E] != ' ')
        ++E;
      if (E == I)
        continue;
      ++Claims;
      Range Claim{I, E};
      ContextResult R1 = A.analyze(T, S, Claim);
      ContextResult R2 = A.analyze(Sc, Claim);
      FUZZ_CHECK(R1.Negated == R2.Negated && R1.Hedged == R2.Hedged &&
                     R1.Cited == R2.Cited && R1.Reported == R2.Reported &&
                     R1.QuantHedged == R2.QuantHedged &&
                     R1.Boosted == R2.Boosted && sameCues(R1.Cues, R2.Cues),
                 "analyze() and scan()+analyze() disagree" + At);
      for (const Cue &C : R1.Cues)
        FUZZ_CHECK(C.Span.End <= T.size(), "context cue outside the prose");
      for (Severity Sev : {Severity::Info, Severity::Warning, Severity::Error})
        for (int Pol = 0; Pol < 4; ++Pol) {
          ClaimPolicy Policy;
          Policy.HedgeImmune = Pol & 1;
          Policy.QuantifierHedges = Pol & 2;
          Decision D = Analyzer::decide(Sev, Policy, R1);
          FUZZ_CHECK(D.Dropped == !D.Sev, "Dropped disagrees with Sev" + At);
          FUZZ_CHECK(!D.Sev || *D.Sev <= Sev || R1.Boosted,
                     "context without a booster raised a severity" + At);
          for (const Cue &C : D.Cues)
            FUZZ_CHECK(std::any_of(R1.Cues.begin(), R1.Cues.end(),
                                   [&](const Cue &X) {
                                     return X.Kind == C.Kind &&
                                            X.Span == C.Span;
                                   }),
                       "a decision cites a cue not in the context" + At);
        }
    }
  }
  return 0;
}

//===- Context/Segmenter.h - Sentences and clauses ---------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Splits prose (see Markup/Prose.h) into sentences. Every block is at least
/// one sentence; sentences never cross blocks. Abbreviations (Dr., e.g.,
/// et al., vs.), decimals and percentages do not end a sentence.
///
/// Clauses are found by the Analyzer, because the words that end a clause
/// ("but", "however", ...) are lexicon data (rules/lexicon.json).
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_CONTEXT_SEGMENTER_H
#define CLAIMLINT_CONTEXT_SEGMENTER_H

#include "Markup/Prose.h"

#include <vector>

namespace claimlint {

struct Sentence {
  Range Text;     ///< prose offsets, trimmed
  uint32_t Block; ///< index into Prose::blocks()
};

/// Sentences of \p P in document order.
std::vector<Sentence> segmentSentences(const Prose &P);

/// The end of the sentence that starts at or after \p Begin in \p Text,
/// looking no further than \p Limit (a block end). The returned offset is just
/// past the sentence's last non-space byte (its terminator, closing quotes and
/// a trailing citation such as "[3]" included); it is \p Limit trimmed when no
/// sentence boundary occurs before it. segmentSentences() is built on this.
uint32_t findSentenceEnd(llvm::StringRef Text, uint32_t Begin, uint32_t Limit);

/// The sentence that follows \p S in the same block of \p Text, or an empty
/// range at S.Text.End when \p S is the last one of its block. Blocks end at
/// '\n' or at the end of \p Text.
Range nextSentence(llvm::StringRef Text, const Sentence &S);

} // namespace claimlint

#endif // CLAIMLINT_CONTEXT_SEGMENTER_H

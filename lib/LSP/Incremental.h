//===- LSP/Incremental.h - Re-lint only what an edit touched -----*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Linting a large page again after every keystroke is most of an editor's
/// wait, yet an edit changes one paragraph. IncrementalLinter cuts Markdown
/// and plain text into chunks that the engine reads exactly as it reads them
/// inside the whole page (blank-line boundaries outside fences, comments,
/// front matter and raw HTML), lints each chunk on its own, and keeps the
/// findings of every chunk keyed by its text, so the next lint only reads the
/// chunks whose text changed. Document rules (a page with claims must also
/// say something) are decided over all chunks, as the engine does.
///
/// Pages this cannot prove equal to a whole-page lint (HTML, raw HTML in
/// Markdown, link reference definitions, claimlint directives) are linted
/// whole. The unit tests compare both paths on generated pages.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_LSP_INCREMENTAL_H
#define CLAIMLINT_LSP_INCREMENTAL_H

#include "Engine/Linter.h"

#include "llvm/ADT/Optional.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace claimlint {
namespace lsp {

/// The byte offsets where the chunks of \p Text start (the first is 0), or
/// None when \p Text must be linted whole.
llvm::Optional<std::vector<uint32_t>> splitIntoChunks(llvm::StringRef Text,
                                                      FileType Type);

/// A chunk's findings (offsets relative to the chunk), kept while its text
/// stays the same.
struct LintChunk {
  std::string Text;
  std::vector<Diagnostic> Diags;
  std::vector<char> HasRequired; ///< per rule index: a document rule's
                                 ///< required phrase is in this chunk
  /// Serialised per-finding JSON the server may keep here (it does not
  /// change while the chunk's text and the settings do not).
  mutable std::vector<std::string> Cache;
};

/// The findings of one lint: the chunks' (shared with the cache, not
/// copied) plus findings with page offsets (document rules, or everything
/// when the page was linted whole).
struct LintResult {
  struct Part {
    uint32_t Base; ///< the chunk's offset in the page
    std::shared_ptr<const LintChunk> Chunk;
  };
  std::vector<Part> Parts;
  std::vector<Diagnostic> Whole; ///< page offsets
  Severity MinSeverity = Severity::Info;

  /// Calls \p F(Diag, Base, Chunk, Index) for each finding at or above
  /// MinSeverity: Diag's offsets are relative to Base; Chunk is null for the
  /// findings in Whole, else Diag is Chunk->Diags[Index].
  template <typename Fn> void forEach(Fn F) const {
    for (const Part &P : Parts)
      for (size_t I = 0; I < P.Chunk->Diags.size(); ++I)
        if (P.Chunk->Diags[I].Sev >= MinSeverity)
          F(P.Chunk->Diags[I], P.Base, P.Chunk.get(), I);
    for (size_t I = 0; I < Whole.size(); ++I)
      F(Whole[I], 0u, static_cast<const LintChunk *>(nullptr), I);
  }
  size_t size() const;
  /// Every finding with page offsets (and lines), ordered as Linter does.
  std::vector<Diagnostic> materialize(llvm::StringRef Text) const;
};

class IncrementalLinter {
public:
  /// \p Rules and \p A must outlive this object; \p Opts are the options the
  /// whole-page linter would use.
  IncrementalLinter(const RuleSet &Rules, const Analyzer &A, LintOptions Opts);

  /// The findings for \p Text, as Linter::lint would report them.
  LintResult lint(llvm::StringRef Path, const std::string &Text,
                  const FileSettings &S);

  /// Forgets every cached chunk (settings changed).
  void clear() { Cache.clear(); }

  /// How many chunks the last lint() read, and how many it had in all
  /// (0 when it linted the page whole).
  unsigned lastLinted() const { return LastLinted; }
  unsigned lastChunks() const { return LastChunks; }

private:
  using Chunk = LintChunk;

  const RuleSet &Rules;
  LintOptions Opts;
  Linter Whole;    ///< with the caller's options (pages linted whole)
  Linter PerChunk; ///< MinSeverity info: the filter applies at the end
  /// Chunks by hash of their text.
  std::unordered_multimap<uint64_t, std::shared_ptr<const Chunk>> Cache;
  unsigned LastLinted = 0, LastChunks = 0;
};

} // namespace lsp
} // namespace claimlint

#endif // CLAIMLINT_LSP_INCREMENTAL_H

//===- LSP/Fixes.h - Quick fixes and hover text for a finding ----*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What the editor offers for one finding, computed from the finding and the
/// document's current text (never from positions a client sends back):
/// rewrites the rule suggests, a hedge, a citation placeholder, an evidence
/// annotation and a one-line suppression with a reason. Edits are byte
/// ranges; the server converts them at the edge.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_LSP_FIXES_H
#define CLAIMLINT_LSP_FIXES_H

#include "Engine/Diagnostic.h"
#include "Rules/Rule.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace claimlint {
namespace lsp {

struct TextEdit {
  uint32_t Offset = 0;
  uint32_t Length = 0;
  std::string NewText;
};

enum class FixKind {
  Rewrite,
  Hedge,
  Citation,
  Evidence,
  DisableLine,
  AddRequired,
  RemoveDirective
};

struct Fix {
  FixKind Kind;
  std::string Title;
  std::vector<TextEdit> Edits; ///< non-overlapping, in text order
  bool Preferred = false;
};

struct FixInput {
  llvm::StringRef Text; ///< the document now; D's offsets point into it
  FileType Type = FileType::Text;
  const Rule *R = nullptr; ///< null for the engine's own checks
  std::string Today;       ///< YYYY-MM-DD, for evidence annotations
};

/// The quick fixes for \p D, best first.
std::vector<Fix> fixesFor(const Diagnostic &D, const FixInput &In);

/// Applies \p Edits (sorted, non-overlapping) to \p Text, for tests.
std::string applyEdits(llvm::StringRef Text, const std::vector<TextEdit> &E);

/// The hover for \p D: why it is flagged, the regulatory basis, its status
/// and the cues that decided it. Markdown when \p Markdown, else plain text.
std::string hoverText(const Diagnostic &D, const Rule *R,
                      llvm::StringRef DocsUrl, bool Markdown);

} // namespace lsp
} // namespace claimlint

#endif // CLAIMLINT_LSP_FIXES_H

//===- Markup/HtmlReader.cpp - Minimal HTML reader -------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
// STUB: replaced by the tag scanner / gumbo reader.
#include "Markup/Reader.h"

namespace claimlint {
Prose readHtml(llvm::StringRef Text) { return readPlainText(Text); }
void collectHtmlComments(llvm::StringRef, uint32_t, uint32_t, ProseBuilder &) {}
} // namespace claimlint

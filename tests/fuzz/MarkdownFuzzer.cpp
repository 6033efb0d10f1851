//===- fuzz/MarkdownFuzzer.cpp - The Markdown and plain-text readers ------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Reads the input as Markdown and as plain text, checks both Prose maps, then
// lints it as Markdown with every built-in rule and checks the findings and
// the JSON outputs (see FuzzCommon.h).
//
//===----------------------------------------------------------------------===//

#include "Markup/Reader.h"

#include "FuzzCommon.h"

using namespace claimlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  fuzz::checkProse(readMarkdown(Text), Text);
  fuzz::checkProse(readPlainText(Text), Text);
  fuzz::lintAndCheck(Text, FileType::Markdown);
  return 0;
}

//===- fuzz/HtmlFuzzer.cpp - The HTML reader ------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Reads the input as HTML, checks the Prose map, then lints it as HTML with
// every built-in rule and checks the findings and the JSON outputs.
//
//===----------------------------------------------------------------------===//

#include "Markup/Reader.h"

#include "FuzzCommon.h"

using namespace claimlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  fuzz::checkProse(readHtml(Text), Text);
  fuzz::lintAndCheck(Text, FileType::Html);
  return 0;
}

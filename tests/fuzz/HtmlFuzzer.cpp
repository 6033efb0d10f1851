//===- fuzz/HtmlFuzzer.cpp - The HTML reader ------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// Reads the input as HTML, checks the Prose map and that cutting script and
// style contents before parsing changes nothing, then lints it as HTML with
// every built-in rule and checks the findings and the JSON outputs.
//
//===----------------------------------------------------------------------===//

#include "Markup/Reader.h"

#include "FuzzCommon.h"

using namespace claimlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  Prose P = readHtml(Text);
  fuzz::checkProse(P, Text);
  // Cutting script and style contents before parsing changes nothing.
  Prose Whole = readHtml(Text, /*CutRawText=*/false);
  FUZZ_CHECK(P.text() == Whole.text(), "cutting scripts changed the prose");
  FUZZ_CHECK(P.blocks().size() == Whole.blocks().size(),
             "cutting scripts changed the blocks");
  FUZZ_CHECK(P.pieces().size() == Whole.pieces().size(),
             "cutting scripts changed the map");
  for (size_t I = 0; I < P.pieces().size(); ++I)
    FUZZ_CHECK(P.pieces()[I].Orig == Whole.pieces()[I].Orig &&
                   P.pieces()[I].OrigLen == Whole.pieces()[I].OrigLen &&
                   P.pieces()[I].Prose == Whole.pieces()[I].Prose,
               "cutting scripts moved piece " + std::to_string(I));
  FUZZ_CHECK(P.comments().size() == Whole.comments().size(),
             "cutting scripts changed the comments");
  fuzz::lintAndCheck(Text, FileType::Html);
  return 0;
}

//===- unit/Audit/ProgressTest.cpp - The progress bar ---------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Audit/Progress.h"

#include <gtest/gtest.h>

using namespace claimlint;

namespace {

TEST(ProgressTest, LineShowsCountsSpeedAndEta) {
  std::string Sink;
  llvm::raw_string_ostream OS(Sink);
  ProgressBar P(OS, /*Enabled=*/false);
  P.setTotal(4);
  P.advance(1000000);
  // 1 of 4 after 2 s: 0.5 MB/s, 6 s left.
  EXPECT_EQ(P.line(2.0),
            "[######..................] 1/4 files  0.5 MB/s  ETA 0:06");
  P.advance(1000000);
  P.advance(1000000);
  P.advance(1000000);
  EXPECT_EQ(P.line(4.0), "[########################] 4/4 files  1.0 MB/s");
  EXPECT_EQ(P.line(4.0, 10).size(), 10u);
  OS.flush();
  EXPECT_EQ(Sink, ""); // disabled: nothing drawn
}

TEST(ProgressTest, DrawsAndErasesWhenEnabled) {
  std::string Sink;
  llvm::raw_string_ostream OS(Sink);
  {
    ProgressBar P(OS, /*Enabled=*/true, "pages");
    P.update(1, 3);
    P.finish();
  }
  OS.flush();
  EXPECT_EQ(Sink.rfind("\r\x1b[K"), Sink.size() - 4);
  EXPECT_NE(Sink.find("1/3 pages"), std::string::npos);
}

} // namespace

//===- unit/Support/ErrorTest.cpp
//------------------------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Support/Error.h"

#include <gtest/gtest.h>

using namespace claimlint;

namespace {

TEST(LocatedError, PrintsFileLineColumnAndCaret) {
  llvm::Error E = llvm::make_error<LocatedError>("r.json", "{\n  \"id\": 3\n}",
                                                 10, "'id' must be a string");
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EXPECT_EQ(printErrors(std::move(E), OS, false), 1u);
  OS.flush();
  EXPECT_EQ(Out, "r.json:2:9: error: 'id' must be a string\n"
                 "  \"id\": 3\n"
                 "        ^\n");
}

TEST(LocatedError, JoinedErrorsAreAllPrinted) {
  llvm::Error E = llvm::joinErrors(
      llvm::make_error<LocatedError>("a.json", "x", 0, "first"),
      llvm::joinErrors(makeError("plain"), llvm::make_error<LocatedError>(
                                               "b.json", "yy", 1, "second")));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EXPECT_EQ(printErrors(std::move(E), OS, false), 3u);
  OS.flush();
  EXPECT_NE(Out.find("a.json:1:1: error: first"), std::string::npos);
  EXPECT_NE(Out.find("claimlint: error: plain"), std::string::npos);
  EXPECT_NE(Out.find("b.json:1:2: error: second"), std::string::npos);
}

TEST(LocatedError, OffsetPastTheEndIsClamped) {
  LocatedError E("a", "abc", 99, "m");
  EXPECT_EQ(E.offset(), 3u);
}

} // namespace

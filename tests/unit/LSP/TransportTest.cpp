//===- LSP/TransportTest.cpp - Content-Length framing ---------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Transport.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

using namespace claimlint::lsp;

namespace {

std::string frame(const std::string &Body) {
  return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
}

/// Everything the reader produces for \p Input fed in pieces of \p Step.
std::vector<Incoming> readAll(const std::string &Input, size_t Step) {
  MessageReader R;
  std::vector<Incoming> Out;
  for (size_t I = 0; I < Input.size(); I += Step) {
    R.feed(llvm::StringRef(Input).substr(I, Step));
    while (auto M = R.next())
      Out.push_back(std::move(*M));
  }
  return Out;
}

TEST(Transport, OneMessage) {
  auto Out = readAll(frame(R"({"jsonrpc":"2.0","method":"x"})"), 1 << 20);
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_TRUE(Out[0].Ok);
  EXPECT_EQ(Out[0].Value["method"], "x");
}

TEST(Transport, EverySplitDecodesTheSame) {
  std::string Two = frame(R"({"id":1,"s":"caf\u00e9 😀 é"})") +
                    frame(R"({"id":2,"method":"m"})");
  for (size_t Step = 1; Step <= Two.size(); ++Step) {
    auto Out = readAll(Two, Step);
    ASSERT_EQ(Out.size(), 2u) << "step " << Step;
    EXPECT_TRUE(Out[0].Ok && Out[1].Ok);
    EXPECT_EQ(Out[0].Value["s"], "café 😀 é");
    EXPECT_EQ(Out[1].Value["id"], 2);
  }
}

TEST(Transport, ContentLengthCountsBytes) {
  std::string Body = R"({"t":"😀é"})";
  EXPECT_EQ(Body.size(), 14u); // 4 + 2 bytes of text, not 2 characters
  std::string Framed = frameBody(Body);
  EXPECT_EQ(Framed, "Content-Length: 14\r\n\r\n" + Body);
  auto Out = readAll(Framed, 3);
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].Value["t"], "😀é");
}

TEST(Transport, HeadersAnyCaseAndContentType) {
  std::string Body = R"({"id":1})";
  std::string In = "content-LENGTH: " + std::to_string(Body.size()) +
                   "\r\nContent-Type: application/vscode-jsonrpc; "
                   "charset=utf8\r\n\r\n" +
                   Body;
  auto Out = readAll(In, 5);
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_TRUE(Out[0].Ok);
}

TEST(Transport, OtherCharsetIsAnError) {
  std::string In = "Content-Length: 2\r\nContent-Type: x; charset=latin1\r\n"
                   "\r\n{}" +
                   frame(R"({"id":9})");
  auto Out = readAll(In, 1 << 20);
  ASSERT_EQ(Out.size(), 2u);
  EXPECT_FALSE(Out[0].Ok);
  EXPECT_NE(Out[0].Error.find("charset"), std::string::npos);
  EXPECT_EQ(Out[1].Value["id"], 9);
}

TEST(Transport, InvalidJsonThenRecovers) {
  auto Out = readAll(frame("{\"a\": ") + frame(R"({"id":2})"), 7);
  ASSERT_EQ(Out.size(), 2u);
  EXPECT_FALSE(Out[0].Ok);
  EXPECT_TRUE(Out[1].Ok);
  EXPECT_EQ(Out[1].Value["id"], 2);
}

TEST(Transport, LengthTooLongFindsTheNextHeader) {
  std::string Body = R"({"id":1})";
  std::string In = "Content-Length: " + std::to_string(Body.size() + 10) +
                   "\r\n\r\n" + Body +
                   frame(R"({"id":2,"pad":"xxxxxxxxxxxx"})");
  auto Out = readAll(In, 1 << 20);
  ASSERT_EQ(Out.size(), 2u);
  EXPECT_FALSE(Out[0].Ok);
  EXPECT_TRUE(Out[1].Ok);
  EXPECT_EQ(Out[1].Value["id"], 2);
}

TEST(Transport, LengthTooShortIsOneError) {
  std::string Body = R"({"id":1,"method":"long-enough"})";
  std::string In = "Content-Length: " + std::to_string(Body.size() - 6) +
                   "\r\n\r\n" + Body + frame(R"({"id":2})");
  for (size_t Step : {size_t(1), size_t(4), size_t(1 << 20)}) {
    auto Out = readAll(In, Step);
    ASSERT_EQ(Out.size(), 2u) << Step;
    EXPECT_FALSE(Out[0].Ok);
    EXPECT_EQ(Out[1].Value["id"], 2);
  }
}

TEST(Transport, MissingOrBadLength) {
  std::string In = std::string("Content-Type: x\r\n\r\n{}") +
                   "Content-Length: twelve\r\n\r\n{}" +
                   "Content-Length: 99999999999\r\n\r\n{}" +
                   "no colon here\r\n\r\n" + frame(R"({"id":5})");
  // Three errors; the line without a colon is skipped while looking for the
  // header after the third.
  auto Out = readAll(In, 1 << 20);
  ASSERT_EQ(Out.size(), 4u);
  for (int I = 0; I < 3; ++I)
    EXPECT_FALSE(Out[I].Ok) << I;
  EXPECT_EQ(Out[3].Value["id"], 5);
}

TEST(Transport, PartialMessageAtEnd) {
  MessageReader R;
  R.feed("Content-Length: 10\r\n\r\n{\"a\"");
  EXPECT_FALSE(R.next().hasValue());
  EXPECT_TRUE(R.hasPartialMessage());
  MessageReader Clean;
  Clean.feed(frame("{}") + "\r\n");
  ASSERT_TRUE(Clean.next().hasValue());
  EXPECT_FALSE(Clean.next().hasValue());
  EXPECT_FALSE(Clean.hasPartialMessage());
}

TEST(Transport, FrameEscapesInvalidUtf8) {
  json V = {{"s", std::string("a\xff"
                              "b")}};
  std::string F = frameMessage(V);
  auto Out = readAll(F, 1 << 20);
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].Value["s"], "a\xEF\xBF\xBD"
                               "b");
  std::string S;
  appendJsonString(S, std::string("q\"\\\n\x01\xff", 6));
  EXPECT_EQ(S, "\"q\\\"\\\\\\n\\u0001\xEF\xBF\xBD\"");
}

} // namespace

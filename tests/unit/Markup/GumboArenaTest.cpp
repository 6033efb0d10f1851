//===- GumboArenaTest.cpp - The allocator of one gumbo parse --------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Markup/GumboArena.h"

#include "gtest/gtest.h"

#include <cstdint>
#include <cstring>
#include <gumbo.h>
#include <set>
#include <vector>

using namespace claimlint;

namespace {

bool aligned(void *P) { return reinterpret_cast<uintptr_t>(P) % 16 == 0; }

TEST(GumboArenaTest, BlocksAreAlignedDistinctAndWritable) {
  GumboArena A;
  std::vector<std::pair<char *, size_t>> Blocks;
  for (size_t Size : {0, 1, 15, 16, 17, 100, 511, 512, 513, 4096, 100000}) {
    auto *P = static_cast<char *>(A.allocate(Size));
    ASSERT_NE(P, nullptr);
    EXPECT_TRUE(aligned(P)) << Size;
    std::memset(P, static_cast<int>(Size & 0x7f), Size);
    Blocks.push_back({P, Size});
  }
  // No block was overwritten by a later one.
  for (auto &B : Blocks)
    for (size_t I = 0; I < B.second; ++I)
      ASSERT_EQ(B.first[I], static_cast<char>(B.second & 0x7f)) << B.second;
  std::set<char *> Distinct;
  for (auto &B : Blocks)
    Distinct.insert(B.first);
  EXPECT_EQ(Distinct.size(), Blocks.size());
}

TEST(GumboArenaTest, FreedSmallBlocksAreReusedBySize) {
  GumboArena A;
  void *P = A.allocate(40); // 48-byte class
  A.deallocate(P);
  A.deallocate(nullptr); // as free(NULL)
  EXPECT_NE(A.allocate(200), P) << "another size class takes a new block";
  EXPECT_EQ(A.allocate(33), P) << "the same class takes the freed one";
  EXPECT_NE(A.allocate(40), P) << "and only once";
}

TEST(GumboArenaTest, LargeBlocksAreReturnedAtOnce) {
  GumboArena A;
  size_t Before = A.bytesHeld();
  void *Big = A.allocate(1 << 20);
  EXPECT_GE(A.bytesHeld(), Before + (1 << 20));
  A.deallocate(Big);
  EXPECT_EQ(A.bytesHeld(), Before);
  // Large blocks still live when the arena goes are freed with it (leak
  // checkers in the sanitized pass would report them otherwise).
  A.allocate(1 << 20);
  A.allocate(3 << 20);
}

TEST(GumboArenaTest, MemoryStaysAtTheLiveSize) {
  GumboArena A;
  for (int Round = 0; Round < 1000; ++Round) {
    std::vector<void *> Live;
    for (size_t Size = 1; Size <= 512; Size += 7)
      Live.push_back(A.allocate(Size));
    for (void *P : Live)
      A.deallocate(P);
  }
  // One round's blocks fit in a few chunks; a thousand rounds reuse them.
  EXPECT_LE(A.bytesHeld(), 4u << 16);
}

TEST(GumboArenaTest, GumboParsesWithIt) {
  GumboArena A;
  GumboOptions O = kGumboDefaultOptions;
  O.allocator = &GumboArena::allocateFn;
  O.deallocator = &GumboArena::deallocateFn;
  O.userdata = &A;
  std::string Html = "<p>Stem cells <b>cure</b> arthritis";
  for (int I = 0; I < 2000; ++I)
    Html += "<div class=x>more <i>text</i></div>";
  GumboOutput *Out = gumbo_parse_with_options(&O, Html.data(), Html.size());
  ASSERT_NE(Out, nullptr);
  const GumboNode *Body =
      static_cast<const GumboNode *>(Out->root->v.element.children.data[1]);
  ASSERT_EQ(Body->v.element.tag, GUMBO_TAG_BODY);
  EXPECT_EQ(Body->v.element.children.length, 2001u);
  const GumboNode *P =
      static_cast<const GumboNode *>(Body->v.element.children.data[0]);
  const GumboNode *Text =
      static_cast<const GumboNode *>(P->v.element.children.data[0]);
  EXPECT_STREQ(Text->v.text.text, "Stem cells ");
  EXPECT_EQ(Text->v.text.start_pos.offset, 3u);
  // The tree is freed with the arena, without gumbo_destroy_output().
}

} // namespace

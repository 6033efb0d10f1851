//===- unit/Match/PrebuiltTest.cpp - Tables recorded ahead of time --------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// A phrase matcher built from recorded tables must match exactly as one
// built from its phrases; recorded tables are used only for the very groups
// they were recorded with; and a damaged snapshot is refused or ignored,
// never trusted.
//
//===----------------------------------------------------------------------===//

#include "Match/Prebuilt.h"

#include "Match/PhraseMatcher.h"
#include "Match/RegexWords.h"

#include "llvm/Support/xxhash.h"

#include <gtest/gtest.h>

#include <random>

using namespace claimlint;

namespace {

using Match = std::tuple<unsigned, uint32_t, uint32_t>;
using GroupList = std::vector<std::vector<std::string>>;

struct Pack {
  TermLists Lists;
  GroupList Groups;
};

Pack samplePack() {
  Pack P;
  P.Lists["COND"] = {"arthritis", "knee pain", "back-pain", "osteo(arthritis)"};
  P.Lists["PART"] = {"knee", "hip", "spine"};
  P.Groups = {{"cure~ {COND}", "heal~ your {PART}"},
              {"pain-free", "risk free"},
              {"100% safe", "no side effects"},
              {"regenerate~ {PART} cartilage"},
              {"den(y|ies) the need"},
              {"\xC3\xA9lan vital"}, // non-ASCII: refused, stays in RE2
              {"miracle cure~"}};
  return P;
}

/// Matches of \p PM in \p Text, with whether each group was taken.
struct Built {
  PhraseMatcher PM;
  std::vector<bool> Taken;
};

void build(Built &B, const Pack &P, size_t Groups) {
  for (size_t G = 0; G < Groups; ++G)
    B.Taken.push_back(
        B.PM.addGroup(P.Groups[G], &P.Lists, "(?i:" + P.Groups[G][0] + ")")
            .hasValue());
  B.PM.compile();
}

std::vector<Match> matches(const PhraseMatcher &PM, llvm::StringRef Text) {
  std::vector<Match> Out;
  PM.matchAll(Text, [&](unsigned G, uint32_t Begin, uint32_t End) {
    Out.emplace_back(G, Begin, End);
    return true;
  });
  std::sort(Out.begin(), Out.end());
  return Out;
}

std::string sampleText() {
  const char *Bits[] = {"cures arthritis", "heal your knee",  "pain free",
                        "painfree",        "Risk-Free",       "100% safe",
                        "no side effects", "regenerates hip", "cartilage",
                        "denies the need", "miracle cured",   "osteo",
                        "back pain",       "spine",           "the"};
  std::mt19937 Rng(11);
  std::string T;
  for (int K = 0; K < 3000; ++K) {
    T += Bits[Rng() % std::size(Bits)];
    T += Rng() % 5 ? " " : ". ";
  }
  return T;
}

/// Records the matcher built from the first \p Groups groups.
std::string record(const Pack &P, size_t Groups) {
  prebuilt::startRecording();
  Built B;
  build(B, P, Groups);
  return prebuilt::dump();
}

class PrebuiltTables : public ::testing::Test {
protected:
  void TearDown() override { prebuilt::install(""); }
};

TEST_F(PrebuiltTables, SameMatchesAsBuiltFromThePhrases) {
  Pack P = samplePack();
  Built Fresh;
  build(Fresh, P, P.Groups.size());
  std::string Snap = record(P, P.Groups.size());
  ASSERT_TRUE(prebuilt::install(Snap));
  Built FromSnap;
  build(FromSnap, P, P.Groups.size());
  EXPECT_EQ(prebuilt::stats().Matchers, 1u);
  EXPECT_EQ(FromSnap.Taken, Fresh.Taken);
  EXPECT_FALSE(Fresh.Taken[5]); // the refused group is refused again
  std::string T = sampleText();
  std::vector<Match> Want = matches(Fresh.PM, T);
  EXPECT_GT(Want.size(), 1000u);
  EXPECT_EQ(matches(FromSnap.PM, T), Want);
}

TEST_F(PrebuiltTables, SameBytesForTheSameRecording) {
  Pack P = samplePack();
  EXPECT_EQ(record(P, P.Groups.size()), record(P, P.Groups.size()));
}

TEST_F(PrebuiltTables, OtherGroupsBuildAsWithout) {
  Pack P = samplePack();
  const std::string Snap = record(P, P.Groups.size()); // install() keeps it
  ASSERT_TRUE(prebuilt::install(Snap));
  std::string T = sampleText();
  // Fewer groups, a changed group, a changed list: each built as usual.
  Pack Changed = P;
  Changed.Groups[3] = {"regrow~ {PART}"};
  Pack OtherList = P;
  OtherList.Lists["PART"].push_back("shoulder");
  for (auto [Q, N] : {std::make_pair(&P, P.Groups.size() - 2),
                      std::make_pair(&Changed, Changed.Groups.size()),
                      std::make_pair(&OtherList, OtherList.Groups.size())}) {
    prebuilt::install("");
    Built Want;
    build(Want, *Q, N);
    ASSERT_TRUE(prebuilt::install(Snap));
    Built Got;
    build(Got, *Q, N);
    EXPECT_EQ(prebuilt::stats().Matchers, 0u);
    EXPECT_EQ(Got.Taken, Want.Taken);
    EXPECT_EQ(matches(Got.PM, T), matches(Want.PM, T));
  }
}

TEST_F(PrebuiltTables, DamagedSnapshotsAreRefused) {
  Pack P = samplePack();
  std::string Snap = record(P, P.Groups.size());
  EXPECT_FALSE(prebuilt::install("CLPRE001"));
  EXPECT_FALSE(prebuilt::install("not a snapshot at all, just words"));
  EXPECT_FALSE(prebuilt::install(llvm::StringRef(Snap).drop_back(1)));
  for (size_t At : {size_t(3), size_t(12), Snap.size() / 2, Snap.size() - 1}) {
    std::string Bad = Snap;
    Bad[At] ^= 0x20;
    EXPECT_FALSE(prebuilt::install(Bad)) << "byte " << At;
  }
  EXPECT_TRUE(prebuilt::install(Snap));
}

TEST_F(PrebuiltTables, InconsistentTablesAreBuiltInstead) {
  // A snapshot whose checksum holds but whose tables are cut short (as a
  // format mistake would make them): the matcher builds from its phrases.
  Pack P = samplePack();
  std::string Snap = record(P, P.Groups.size());
  prebuilt::Reader R(llvm::StringRef(Snap).drop_front(16));
  prebuilt::Writer W;
  uint64_t Matchers = R.u64();
  ASSERT_EQ(Matchers, 1u);
  W.u64(Matchers);
  uint64_t Groups = R.u64();
  W.u64(Groups);
  for (uint64_t G = 0; G < Groups; ++G) {
    W.u64(R.u64());
    W.u8(R.u8());
  }
  llvm::StringRef Tables = R.str();
  W.str(Tables.take_front(Tables.size() / 2));
  uint64_t Words = R.u64();
  ASSERT_EQ(Words, 0u);
  W.u64(Words);
  ASSERT_TRUE(R.atEnd());
  std::string Payload = W.take();
  prebuilt::Writer Whole;
  Whole.raw("CLPRE001", 8);
  Whole.u64(llvm::xxHash64(Payload));
  Whole.raw(Payload.data(), Payload.size());
  const std::string Cut = Whole.take(); // install() keeps it
  ASSERT_TRUE(prebuilt::install(Cut));

  Built Got;
  build(Got, P, P.Groups.size());
  EXPECT_EQ(prebuilt::stats().Matchers, 0u);
  prebuilt::install("");
  Built Want;
  build(Want, P, P.Groups.size());
  std::string T = sampleText();
  EXPECT_EQ(matches(Got.PM, T), matches(Want.PM, T));
}

TEST_F(PrebuiltTables, RequiredWordsAreRecordedByRegex) {
  const std::string A = R"((?i)\bdoi(?:\.org/|:\s*)10\.)",
                    B = R"(\b(?:[Pp]ublished|[Rr]eported) in the journal\b)";
  prebuilt::startRecording();
  auto WantA = requiredWords(A);
  auto WantB = requiredWords(B);
  ASSERT_FALSE(WantA.empty());
  ASSERT_FALSE(WantB.empty());
  const std::string Snap = prebuilt::dump(); // install() keeps it
  ASSERT_TRUE(prebuilt::install(Snap));
  EXPECT_EQ(requiredWords(A), WantA);
  EXPECT_EQ(requiredWords(B), WantB);
  EXPECT_EQ(prebuilt::stats().Words, 2u);
  // Another regex is read as usual.
  EXPECT_EQ(requiredWords(R"(\bNCT\d{8}\b)"),
            (std::vector<std::vector<std::string>>{}));
  EXPECT_EQ(prebuilt::stats().Words, 2u);
}

} // namespace

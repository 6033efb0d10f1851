//===- Match/PhraseMatcher.cpp - Rule phrases matched word by word --------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
//
// A phrase is parsed the way phraseToRegex() reads it, then expanded into
// its sequences: words (a set of lower-case spellings: "cure~" is one
// element), list references and, between them, a separator (space, hyphen,
// or nothing, as in "100%"). Sequences go into a trie, lists into tries of
// their own. Text is cut into words the same way; a match is a walk from a
// word through the trie. Where a word of the text may be two words of a
// phrase joined at a hyphen ("painfree"), the split points are found from
// the word's end with a reversed trie of the words that follow hyphens.
//
//===----------------------------------------------------------------------===//

#include "Match/PhraseMatcher.h"

#include "Match/Phrase.h"
#include "Match/Prebuilt.h"
#include "Match/Re2Util.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <set>
#include <type_traits>

namespace claimlint {

namespace {

bool allWordChars(llvm::StringRef S) {
  return !S.empty() && llvm::all_of(S, isWordChar);
}

/// What comes between two elements. Start: before the first one.
enum SepKind : uint8_t { Start = 0, Space = 1, None = 2, Hyphen = 3 };
constexpr unsigned NumSeps = 4;
/// Text separators that no phrase separator matches.
constexpr uint8_t OtherSep = 4;

struct Elem {
  enum Kind : uint8_t { Tok, List, Sep };
  Kind K;
  uint8_t S;   ///< Sep: its SepKind
  unsigned Id; ///< Tok: token set; List: list
};
using Seq = std::vector<Elem>;

/// Expanding groups multiplies sequences; past this a phrase stays in RE2.
constexpr size_t MaxSeqs = 4096;
/// Spellings of one word built from parts ("den(y|ies)"), at most.
constexpr size_t MaxSpellings = 1024;

struct Node {
  /// Per separator: whether WordTable has spellings that go on from here;
  /// list id -> child.
  bool HasTok[NumSeps] = {};
  llvm::SmallVector<std::pair<unsigned, unsigned>, 1> Lists[NumSeps];
  llvm::SmallVector<unsigned, 1> Accept; ///< groups ending here (lists: 0)
  struct Edge {
    uint8_t S;
    Elem::Kind K;
    unsigned Id, Child;
  };
  std::vector<Edge> Edges; ///< while building

  // SmallVector's move is not noexcept, so without these std::vector<Node>
  // copied every node each time it grew (a tenth of start-up).
  Node() = default;
  Node(const Node &) = default;
  Node &operator=(const Node &) = default;
  Node(Node &&O) noexcept { *this = std::move(O); }
  Node &operator=(Node &&O) noexcept {
    std::copy(std::begin(O.HasTok), std::end(O.HasTok), std::begin(HasTok));
    for (unsigned S = 0; S < NumSeps; ++S)
      Lists[S] = std::move(O.Lists[S]);
    Accept = std::move(O.Accept);
    Edges = std::move(O.Edges);
    return *this;
  }
};
static_assert(std::is_nothrow_move_constructible<Node>::value,
              "std::vector<Node> must move nodes, not copy them");

/// A node of the compiled trie (compile() packs the Nodes): its list edges
/// and groups are ranges of shared arrays. 32 bytes against a Node's 150,
/// so the walk's nodes stay in cache, and plain data, so recorded tables
/// (Match/Prebuilt.h) load as they are.
struct PackedNode {
  /// List edges after separator K: ListEdges[ListsAt[K], ListsAt[K + 1]).
  uint32_t ListsAt[NumSeps + 1] = {};
  uint32_t AcceptAt = 0, AcceptEnd = 0; ///< Accepts[AcceptAt, AcceptEnd)
  uint8_t HasTok = 0;  ///< bit K: WordTable has spellings after separator K
  uint8_t Pad[3] = {}; ///< no indeterminate bytes in recorded tables
};
static_assert(sizeof(PackedNode) == 32, "no hidden padding");

struct ListInfo {
  bool Ok = false;
  size_t Reach = 0; ///< the most text tokens a term spans
  bool StartsWord = true, EndsWord = true;
  unsigned Root = 0;
  std::set<std::string> First; ///< spellings a term can start with
};

uint64_t hashWord(llvm::StringRef W) {
  uint64_t H = 0xcbf29ce484222325ULL; // FNV-1a
  for (char C : W)
    H = (H ^ static_cast<unsigned char>(C)) * 0x100000001b3ULL;
  return H;
}

/// (node, separator, spelling) -> children, and (ListFirstKey, spelling) ->
/// lists: one open-addressing table, probed with each token's hash, which
/// is computed once when the text is cut.
class WordTable {
public:
  static constexpr uint32_t ListFirstKey = ~0u;
  /// Marks a list id among the root's children (one probe per word there).
  static constexpr unsigned ListBit = 1u << 31;
  static uint32_t key(unsigned Node, uint8_t Sep) { return Node * 4 + Sep; }

  void add(uint32_t Key, const std::string &W, unsigned Value) {
    auto &V = Building[{Key, W}];
    if (llvm::find(V, Value) == V.end())
      V.push_back(Value);
  }
  void build() {
    // Compact slots (24 bytes; spellings in one pool) at a load of at most
    // 3/4: the lexicon's table is 8,500 entries, probed once per word.
    size_t Size = 16;
    while (Size * 3 < Building.size() * 4)
      Size *= 2;
    Slots.assign(Size, Slot());
    Mask = Size - 1;
    for (auto &KV : Building) {
      uint64_t H = mix(hashWord(KV.first.second), KV.first.first);
      size_t At = H & Mask;
      while (Slots[At].End)
        At = (At + 1) & Mask;
      Slot &Sl = Slots[At];
      Sl.H = H;
      Sl.Key = KV.first.first;
      Sl.Word = static_cast<uint32_t>(Pool.size());
      Pool += KV.first.second;
      Pool += '\0';
      Sl.Begin = static_cast<uint32_t>(Values.size());
      Values.insert(Values.end(), KV.second.begin(), KV.second.end());
      Sl.End = static_cast<uint32_t>(Values.size()); // never 0: used
    }
    Building.clear();
  }
  /// The values for \p W (whose hashWord() is \p WordHash) under \p Key.
  llvm::ArrayRef<unsigned> find(uint32_t Key, uint64_t WordHash,
                                llvm::StringRef W) const {
    uint64_t H = mix(WordHash, Key);
    for (size_t At = H & Mask; Slots[At].End; At = (At + 1) & Mask) {
      const Slot &Sl = Slots[At];
      if (Sl.H == H && Sl.Key == Key &&
          Pool.compare(Sl.Word, W.size(), W.data(), W.size()) == 0 &&
          Pool[Sl.Word + W.size()] == '\0')
        return llvm::makeArrayRef(Values).slice(Sl.Begin, Sl.End - Sl.Begin);
    }
    return {};
  }

  void write(prebuilt::Writer &W) const {
    W.str(Pool);
    W.pods(Slots);
    W.pods(Values);
  }
  /// False unless the tables read are consistent: \p Nodes and \p Lists
  /// bound the values (list ids under ListFirstKey or with ListBit).
  bool read(prebuilt::Reader &R, size_t Nodes, size_t Lists) {
    Pool = R.str().str();
    R.pods(Slots);
    R.pods(Values);
    if (!R.ok() || Slots.empty() || (Slots.size() & (Slots.size() - 1)))
      return false;
    Mask = Slots.size() - 1;
    size_t Used = 0;
    for (const Slot &Sl : Slots) {
      if (!Sl.End)
        continue;
      ++Used;
      if (Sl.Begin > Sl.End || Sl.End > Values.size() ||
          Sl.Word >= Pool.size() ||
          Pool.find('\0', Sl.Word) == std::string::npos)
        return false;
      for (uint32_t X = Sl.Begin; X < Sl.End; ++X) {
        unsigned V = Values[X];
        bool IsList = Sl.Key == ListFirstKey || (V & ListBit);
        if ((IsList ? (V & ~ListBit) >= Lists : V >= Nodes))
          return false;
      }
    }
    return Used < Slots.size(); // probes stop at an empty slot
  }

private:
  static uint64_t mix(uint64_t H, uint32_t Key) {
    H ^= (Key + 1) * 0x9E3779B97F4A7C15ULL;
    H ^= H >> 29;
    H *= 0xBF58476D1CE4E5B9ULL;
    return H ^ (H >> 32);
  }
  struct Slot {
    uint64_t H = 0;
    uint32_t Key = 0, Word = 0, Begin = 0, End = 0; ///< End 0: empty
  };
  std::string Pool; ///< spellings, each followed by '\0'
  std::map<std::pair<uint32_t, std::string>, std::vector<unsigned>> Building;
  std::vector<Slot> Slots{1};
  std::vector<unsigned> Values;
  size_t Mask = 0;
};

/// A word or a single other character of the text.
struct Token {
  uint64_t Hash; ///< hashWord() of its lower-case spelling
  uint32_t B, E;
  uint8_t SepBefore;             ///< Space, None or OtherSep
  uint32_t SplitBegin, SplitEnd; ///< join points inside, in Scratch::Splits
};

int charIndex(char C) {
  if (C >= 'a' && C <= 'z')
    return C - 'a';
  if (C >= '0' && C <= '9')
    return 26 + (C - '0');
  return C == '_' ? 36 : -1;
}

/// Per-thread buffers of one matchAll() call, kept between calls.
struct Scratch {
  std::string Lower; ///< the window's text in lower case, from LowerBase
  uint32_t LowerBase = 0;
  std::vector<Token> Toks;
  std::vector<uint32_t> Splits;
  llvm::DenseMap<uint64_t, std::pair<uint32_t, uint32_t>> ListMemo;
  std::vector<std::pair<uint32_t, uint32_t>> ListEnds; ///< (token, end)
  /// Per group: the longest end from the current start, and where its next
  /// match may start. All zero between calls (Reported lists the groups
  /// whose NextAllowed a call set, to reset), so a call costs nothing per
  /// group that does not match.
  std::vector<uint32_t> BestEnd, NextAllowed;
  std::vector<unsigned> Reported;
  std::vector<unsigned> Touched;
  std::vector<unsigned> StartLists;
};

} // namespace

struct PhraseMatcher::Impl {
  std::vector<Node> Nodes{1}; // 0: the phrases' root; while building
  /// The compiled trie (same numbering as Nodes).
  std::vector<PackedNode> Packed;
  std::vector<std::pair<unsigned, unsigned>> ListEdges; ///< (list, child)
  std::vector<unsigned> Accepts;
  /// The most tokens of text a match can span (lookahead for windows).
  size_t MaxReach = 1;
  std::vector<std::vector<std::string>> TokSets;
  std::vector<bool> TokSetWord;  ///< every spelling is one word
  std::vector<bool> TokSetMixed; ///< some spellings are words, some not
  std::map<std::vector<std::string>, unsigned> TokSetIds;
  std::vector<ListInfo> Lists;
  std::map<std::pair<const TermLists *, std::string>, unsigned> ListIds;
  WordTable Words; ///< children by spelling, and lists by first spelling
  std::set<std::string> JoinWords;
  std::vector<std::array<int32_t, 37>> RTrie; ///< reversed JoinWords
  std::vector<bool> RWord;

  struct Group {
    mutable std::string Regex;
    /// Makes Regex when it is first needed, if set.
    mutable llvm::unique_function<std::string()> Make;
    mutable std::once_flag Once;
    mutable std::unique_ptr<RE2> Re;
    const RE2 &re() const {
      std::call_once(Once, [this] {
        if (Make)
          Regex = Make();
        PatternOptions O;
        O.CaseInsensitive = true;
        O.LongestMatch = true;
        Re = compileAlone(Regex, O);
      });
      return *Re;
    }
  };
  std::vector<std::unique_ptr<Group>> Groups;

  // Tables built ahead of time (Match/Prebuilt.h) ------------------------

  /// Per addGroup() call: the group's hash and whether it was taken.
  std::vector<std::pair<uint64_t, bool>> Inputs;
  /// The recorded matcher every group so far matches; its tables are used
  /// if compile() comes with no other group added.
  const prebuilt::MatcherEntry *Snap = nullptr;
  /// The groups given while Snap matched, to build them after all if a
  /// later group does not match.
  struct Deferred {
    std::vector<std::string> Phrases;
    const TermLists *Lists;
  };
  std::vector<Deferred> Pending;
  /// Each vocabulary (by address, as lists are told apart) and its hash.
  std::vector<std::pair<const TermLists *, uint64_t>> ListHashes;

  uint64_t groupHash(llvm::ArrayRef<std::string> Phrases,
                     const TermLists *Pack) {
    std::string B;
    for (const std::string &P : Phrases) {
      B += P;
      B += '\0';
    }
    B += '\1';
    if (Pack) {
      auto It = llvm::find_if(ListHashes,
                              [&](const auto &L) { return L.first == Pack; });
      if (It == ListHashes.end()) {
        std::vector<llvm::StringRef> Names;
        for (const auto &KV : *Pack)
          Names.push_back(KV.first());
        llvm::sort(Names);
        std::string C;
        for (llvm::StringRef N : Names) {
          C += N;
          C += '\1';
          for (const std::string &T : Pack->find(N)->second) {
            C += T;
            C += '\0';
          }
          C += '\2';
        }
        ListHashes.push_back({Pack, llvm::xxHash64(C)});
        It = ListHashes.end() - 1;
      }
      B += std::to_string(It - ListHashes.begin()) + ":" +
           std::to_string(It->second);
    }
    return llvm::xxHash64(B);
  }

  /// Parses the group and, if the matcher models every phrase, puts it in
  /// the trie as group \p G; false (the group is not taken) otherwise.
  bool addToTrie(llvm::ArrayRef<std::string> Phrases, const TermLists *Lists,
                 unsigned G);

  /// Stops using Snap: builds the groups given so far.
  void buildPending() {
    unsigned G = 0;
    for (size_t K = 0; K < Pending.size(); ++K) {
      bool Taken = addToTrie(Pending[K].Phrases, Pending[K].Lists, G);
      if (Taken != Inputs[K].second)
        llvm::report_fatal_error("claimlint: prebuilt phrase tables disagree "
                                 "with this build");
      G += Taken;
    }
    Pending.clear();
    Snap = nullptr;
  }

  std::string writeTables() const;
  bool readTables(llvm::StringRef Data);

  /// Cuts \p Text from byte \p From into at most \p Max tokens; true if
  /// that reached the end.
  bool tokenize(llvm::StringRef Text, size_t From, size_t Max,
                Scratch &S) const;
  /// The join points inside word \p T (see tokenize()).
  void splitJoins(Token &T, Scratch &S) const;

  // Building ------------------------------------------------------------

  unsigned internTok(std::vector<std::string> S) {
    std::sort(S.begin(), S.end());
    S.erase(std::unique(S.begin(), S.end()), S.end());
    auto It = TokSetIds.find(S);
    if (It != TokSetIds.end())
      return It->second;
    size_t Words =
        llvm::count_if(S, [](const std::string &W) { return allWordChars(W); });
    TokSets.push_back(S);
    TokSetWord.push_back(Words == S.size());
    TokSetMixed.push_back(Words != 0 && Words != S.size());
    TokSetIds.emplace(std::move(S), TokSets.size() - 1);
    return static_cast<unsigned>(TokSets.size() - 1);
  }
  Elem tok(std::vector<std::string> S) {
    return {Elem::Tok, 0, internTok(std::move(S))};
  }
  static Elem sep(uint8_t S) { return {Elem::Sep, S, 0}; }

  bool startsWord(const Elem &E) const {
    return E.K == Elem::Tok ? TokSetWord[E.Id]
                            : E.K == Elem::List && Lists[E.Id].StartsWord;
  }
  bool endsWord(const Elem &E) const {
    return E.K == Elem::Tok ? TokSetWord[E.Id]
                            : E.K == Elem::List && Lists[E.Id].EndsWord;
  }

  /// \p P as phraseToRegex's translate() reads it, expanded into \p Out.
  bool parse(llvm::StringRef P, const TermLists *Pack, std::vector<Seq> &Out) {
    Out.assign(1, Seq());
    auto AppendAll = [&](const Seq &Tail) {
      for (Seq &S : Out)
        S.insert(S.end(), Tail.begin(), Tail.end());
    };
    size_t I = 0;
    while (I < P.size()) {
      char C = P[I];
      if (C == '{') {
        size_t Close = P.find('}', I);
        if (Close == llvm::StringRef::npos || !Pack)
          return false;
        llvm::Optional<unsigned> L = internList(Pack, P.slice(I + 1, Close));
        if (!L)
          return false;
        AppendAll({{Elem::List, 0, *L}});
        I = Close + 1;
        continue;
      }
      if (C == '(' || C == '[') {
        size_t J = phraseGroupEnd(P, I);
        if (J == llvm::StringRef::npos)
          return false;
        std::vector<Seq> Alts;
        for (llvm::StringRef Alt : phraseAlternatives(P.slice(I + 1, J))) {
          std::vector<Seq> Sub;
          if (!parse(Alt, Pack, Sub))
            return false;
          Alts.insert(Alts.end(), Sub.begin(), Sub.end());
        }
        // Alternatives that are one word each are one element.
        if (Alts.size() > 1 && llvm::all_of(Alts, [](const Seq &A) {
              return A.size() == 1 && A[0].K == Elem::Tok;
            })) {
          std::vector<std::string> All;
          for (const Seq &A : Alts)
            All.insert(All.end(), TokSets[A[0].Id].begin(),
                       TokSets[A[0].Id].end());
          Alts.assign(1, Seq{tok(std::move(All))});
        }
        if (C == '[') {
          if (J + 1 < P.size() && P[J + 1] == ' ') {
            for (Seq &A : Alts)
              A.push_back(sep(Space));
            ++J;
          }
          Alts.emplace_back();
        }
        std::vector<Seq> Next;
        if (Out.size() * Alts.size() > MaxSeqs)
          return false;
        for (const Seq &S : Out)
          for (const Seq &A : Alts) {
            Next.push_back(S);
            Next.back().insert(Next.back().end(), A.begin(), A.end());
          }
        Out.swap(Next);
        I = J + 1;
        continue;
      }
      if (C == ')' || C == ']' || C == '}')
        return false;
      if (C == ' ') {
        AppendAll({sep(Space)});
        ++I;
        continue;
      }
      if (C == '-') {
        AppendAll({sep(Hyphen)});
        ++I;
        continue;
      }
      if (isWordChar(C)) {
        size_t J = phraseWordEnd(P, I);
        llvm::StringRef Word = P.slice(I, J);
        if (J < P.size() && P[J] == '~') {
          if (Word.contains('\''))
            return false;
          AppendAll({tok(inflections(Word.lower()))});
          I = J + 1;
          continue;
        }
        Seq Tail; // "Parkinson's": three tokens, as the text has them
        for (size_t K = 0; K < Word.size();) {
          size_t E = Word[K] == '\'' ? K + 1 : Word.find('\'', K);
          E = std::min(E, Word.size());
          Tail.push_back(tok({Word.slice(K, E).lower()}));
          K = E;
        }
        AppendAll(Tail);
        I = J;
        continue;
      }
      // Other ASCII punctuation is a token of its own; white space other
      // than ' ', control characters and non-ASCII stay with RE2.
      if (static_cast<unsigned char>(C) >= 0x80 ||
          static_cast<unsigned char>(C) <= ' ' || C == 0x7f)
        return false;
      AppendAll({tok({std::string(1, C)})});
      ++I;
    }
    return true;
  }

  /// Puts the implied "nothing between" separators in; false for what the
  /// text can never hold as written: separators at an edge or doubled, two
  /// words with nothing between, a hyphen next to punctuation.
  /// The most text tokens \p S can span: a word each (joined words fewer),
  /// a list its longest term, and the '-' a hyphen may be.
  size_t reach(const Seq &S) const {
    size_t R = 0;
    for (const Elem &E : S)
      R += E.K == Elem::Tok    ? 1
           : E.K == Elem::List ? Lists[E.Id].Reach
                               : E.S == Hyphen;
    return R;
  }

  bool normalize(Seq &S) {
    Seq Out;
    for (const Elem &E : S) {
      if (E.K == Elem::Sep) {
        if (Out.empty() || Out.back().K == Elem::Sep)
          return false;
        Out.push_back(E);
        continue;
      }
      if (!Out.empty() && Out.back().K != Elem::Sep) {
        Elem &L = Out.back();
        if (L.K == Elem::Tok && E.K == Elem::Tok && TokSetWord[L.Id] &&
            TokSetWord[E.Id]) {
          // "den(y|ies|ied)": one word of the text, spelt every way.
          std::vector<std::string> A = TokSets[L.Id], B = TokSets[E.Id];
          if (A.size() * B.size() > MaxSpellings)
            return false;
          std::vector<std::string> Joined;
          for (const std::string &X : A)
            for (const std::string &Y : B)
              Joined.push_back(X + Y);
          L = tok(std::move(Joined));
          continue;
        }
        Out.push_back(sep(None));
      }
      Out.push_back(E);
    }
    if (Out.empty() || Out.back().K == Elem::Sep)
      return false;
    for (const Elem &E : Out)
      if (E.K == Elem::Tok && TokSetMixed[E.Id])
        return false;
    for (size_t K = 1; K + 1 < Out.size(); K += 2) {
      const Elem &L = Out[K - 1], &R = Out[K + 1];
      // Two words with nothing between were merged above into one.
      if (Out[K].S == None && (L.K == Elem::List || R.K == Elem::List))
        return false; // "{LIST}(s|y)": a list term glued to a word
      if (Out[K].S == Hyphen && !(endsWord(L) && startsWord(R)))
        return false;
    }
    S.swap(Out);
    return true;
  }

  /// Words that may follow a join point: the first spellings after each
  /// hyphen of \p S.
  void noteJoins(const Seq &S) {
    for (size_t K = 1; K + 1 < S.size(); K += 2) {
      if (S[K].S != Hyphen)
        continue;
      const Elem &R = S[K + 1];
      if (R.K == Elem::Tok)
        JoinWords.insert(TokSets[R.Id].begin(), TokSets[R.Id].end());
      else
        JoinWords.insert(Lists[R.Id].First.begin(), Lists[R.Id].First.end());
    }
  }

  unsigned child(unsigned From, uint8_t S, const Elem &E) {
    for (const Node::Edge &Ed : Nodes[From].Edges)
      if (Ed.S == S && Ed.K == E.K && Ed.Id == E.Id)
        return Ed.Child;
    Nodes.emplace_back();
    auto C = static_cast<unsigned>(Nodes.size() - 1);
    Nodes[From].Edges.push_back({S, E.K, E.Id, C});
    return C;
  }

  void insert(unsigned Root, const Seq &S, unsigned Accept) {
    unsigned Cur = Root;
    uint8_t Pending = Start;
    for (const Elem &E : S) {
      if (E.K == Elem::Sep) {
        Pending = E.S;
        continue;
      }
      Cur = child(Cur, Pending, E);
    }
    auto &A = Nodes[Cur].Accept;
    if (llvm::find(A, Accept) == A.end())
      A.push_back(Accept);
  }

  llvm::Optional<unsigned> internList(const TermLists *Pack,
                                      llvm::StringRef Name) {
    auto Key = std::make_pair(Pack, Name.str());
    auto It = ListIds.find(Key);
    if (It != ListIds.end())
      return Lists[It->second].Ok ? llvm::Optional<unsigned>(It->second)
                                  : llvm::None;
    auto Id = static_cast<unsigned>(Lists.size());
    ListIds.emplace(std::move(Key), Id);
    Lists.emplace_back();
    auto Terms = Pack->find(Name);
    if (Terms == Pack->end())
      return llvm::None;
    std::vector<Seq> All;
    for (const std::string &T : Terms->second) {
      std::vector<Seq> Seqs;
      if (!parse(llvm::StringRef(T).trim(), nullptr, Seqs))
        return llvm::None;
      for (Seq &S : Seqs) {
        if (!normalize(S))
          return llvm::None;
        All.push_back(std::move(S));
      }
    }
    Nodes.emplace_back();
    ListInfo &L = Lists[Id];
    L.Root = static_cast<unsigned>(Nodes.size() - 1);
    for (const Seq &S : All) {
      L.StartsWord &= startsWord(S.front());
      L.EndsWord &= endsWord(S.back());
      L.First.insert(TokSets[S.front().Id].begin(),
                     TokSets[S.front().Id].end());
      insert(L.Root, S, 0);
      noteJoins(S);
      L.Reach = std::max(L.Reach, reach(S));
    }
    for (const std::string &F : L.First)
      Words.add(WordTable::ListFirstKey, F, Id);
    L.Ok = true;
    return Id;
  }
};

PhraseMatcher::PhraseMatcher() : I(std::make_unique<Impl>()) {}
PhraseMatcher::~PhraseMatcher() = default;
PhraseMatcher::PhraseMatcher(PhraseMatcher &&) noexcept = default;
PhraseMatcher &PhraseMatcher::operator=(PhraseMatcher &&) noexcept = default;

size_t PhraseMatcher::groups() const { return I->Groups.size(); }

llvm::Optional<unsigned>
PhraseMatcher::addGroup(llvm::ArrayRef<std::string> Phrases,
                        const TermLists *Lists, std::string Regex) {
  auto G = addGroup(Phrases, Lists, llvm::unique_function<std::string()>());
  if (G)
    I->Groups.back()->Regex = std::move(Regex);
  return G;
}

llvm::Optional<unsigned>
PhraseMatcher::addGroup(llvm::ArrayRef<std::string> Phrases,
                        const TermLists *Lists,
                        llvm::unique_function<std::string()> MakeRegex) {
  uint64_t H = prebuilt::active() ? I->groupHash(Phrases, Lists) : 0;
  size_t N = I->Inputs.size();
  if (N == 0)
    I->Snap = prebuilt::findMatcher(H);
  bool Taken;
  if (I->Snap && N < I->Snap->Groups.size() && I->Snap->Groups[N].first == H) {
    Taken = I->Snap->Groups[N].second;
    I->Pending.push_back({Phrases.vec(), Lists});
  } else {
    if (I->Snap)
      I->buildPending();
    Taken =
        I->addToTrie(Phrases, Lists, static_cast<unsigned>(I->Groups.size()));
  }
  I->Inputs.push_back({H, Taken});
  if (!Taken)
    return llvm::None;
  auto G = static_cast<unsigned>(I->Groups.size());
  I->Groups.push_back(std::make_unique<Impl::Group>());
  I->Groups.back()->Make = std::move(MakeRegex);
  return G;
}

bool PhraseMatcher::Impl::addToTrie(llvm::ArrayRef<std::string> Phrases,
                                    const TermLists *Lists, unsigned G) {
  std::vector<Seq> All;
  for (const std::string &Ph : Phrases) {
    llvm::StringRef P = llvm::StringRef(Ph).trim();
    std::vector<Seq> Seqs;
    if (P.empty() || !parse(P, Lists, Seqs))
      return false;
    // phraseToRegex() puts \b at an edge that is a word character, a list
    // or a group: there every sequence must have a word; elsewhere the edge
    // is punctuation, which stands alone in the text as in the phrase.
    char First = P.front();
    llvm::StringRef Last = P;
    Last.consume_back("~");
    bool BoundFront =
        isWordChar(First) || First == '{' || First == '(' || First == '[';
    bool BoundBack =
        !Last.empty() && (isWordChar(Last.back()) || Last.back() == '}' ||
                          Last.back() == ')' || Last.back() == ']');
    for (Seq &S : Seqs) {
      if (!normalize(S))
        return false;
      if (BoundFront != startsWord(S.front()) ||
          BoundBack != endsWord(S.back()))
        return false;
      All.push_back(std::move(S));
    }
  }
  for (const Seq &S : All) {
    insert(0, S, G);
    noteJoins(S);
    MaxReach = std::max(MaxReach, reach(S));
  }
  return true;
}

void PhraseMatcher::compile() {
  if (I->Snap && I->Inputs.size() == I->Snap->Groups.size()) {
    if (I->readTables(I->Snap->Tables)) {
      I->Pending.clear();
      I->Snap = nullptr;
      prebuilt::noteMatcherUsed();
      return;
    }
    // Tables that do not hold together (never from an intact snapshot of
    // this build): build them after all.
  }
  if (I->Snap)
    I->buildPending();
  for (Node &N : I->Nodes) {
    for (const Node::Edge &E : N.Edges) {
      if (E.K == Elem::List) {
        N.Lists[E.S].push_back({E.Id, E.Child});
        continue;
      }
      N.HasTok[E.S] = true;
      auto Key =
          WordTable::key(static_cast<unsigned>(&N - I->Nodes.data()), E.S);
      for (const std::string &W : I->TokSets[E.Id])
        I->Words.add(Key, W, E.Child);
    }
    N.Edges.clear();
    N.Edges.shrink_to_fit();
  }
  // At the root, where every word of the text is looked up, a list's first
  // words sit with the children: one probe instead of two.
  if (!I->Nodes[0].Lists[Start].empty())
    for (unsigned L = 0; L < I->Lists.size(); ++L)
      if (I->Lists[L].Ok)
        for (const std::string &F : I->Lists[L].First) {
          I->Words.add(WordTable::key(0, Start), F, WordTable::ListBit | L);
          I->Nodes[0].HasTok[Start] = true;
        }
  I->Packed.resize(I->Nodes.size());
  for (size_t K = 0; K < I->Nodes.size(); ++K) {
    const Node &N = I->Nodes[K];
    PackedNode &P = I->Packed[K];
    for (unsigned S = 0; S < NumSeps; ++S) {
      P.ListsAt[S] = static_cast<uint32_t>(I->ListEdges.size());
      I->ListEdges.insert(I->ListEdges.end(), N.Lists[S].begin(),
                          N.Lists[S].end());
      P.HasTok |= static_cast<uint8_t>(N.HasTok[S] << S);
    }
    P.ListsAt[NumSeps] = static_cast<uint32_t>(I->ListEdges.size());
    P.AcceptAt = static_cast<uint32_t>(I->Accepts.size());
    I->Accepts.insert(I->Accepts.end(), N.Accept.begin(), N.Accept.end());
    P.AcceptEnd = static_cast<uint32_t>(I->Accepts.size());
  }
  I->Nodes.clear();
  I->Nodes.shrink_to_fit();
  I->Words.build();
  I->RTrie.assign(1, {});
  I->RTrie[0].fill(-1);
  I->RWord.assign(1, false);
  for (const std::string &W : I->JoinWords) {
    if (!allWordChars(W))
      continue;
    int32_t Cur = 0;
    for (auto It = W.rbegin(); It != W.rend(); ++It) {
      int C = charIndex(*It);
      if (I->RTrie[Cur][C] < 0) {
        I->RTrie[Cur][C] = static_cast<int32_t>(I->RTrie.size());
        I->RTrie.emplace_back();
        I->RTrie.back().fill(-1);
        I->RWord.push_back(false);
      }
      Cur = I->RTrie[Cur][C];
    }
    I->RWord[Cur] = true;
  }
  if (prebuilt::recording())
    prebuilt::recordMatcher(I->Inputs, I->writeTables());
}

std::string PhraseMatcher::Impl::writeTables() const {
  prebuilt::Writer W;
  W.u64(MaxReach);
  W.pods(Packed);
  W.pods(ListEdges);
  W.pods(Accepts);
  W.u64(Lists.size());
  for (const ListInfo &L : Lists) {
    W.u8(L.Ok);
    W.u64(L.Reach);
    W.u8(L.StartsWord);
    W.u8(L.EndsWord);
    W.u32(L.Root);
  }
  Words.write(W);
  W.pods(RTrie);
  W.u64(RWord.size());
  for (bool B : RWord)
    W.u8(B);
  return W.take();
}

bool PhraseMatcher::Impl::readTables(llvm::StringRef Data) {
  prebuilt::Reader R(Data);
  size_t Reach = R.u64();
  std::vector<PackedNode> Ns;
  std::vector<std::pair<unsigned, unsigned>> LEs;
  std::vector<unsigned> As;
  R.pods(Ns);
  R.pods(LEs);
  R.pods(As);
  if (!R.ok() || Ns.empty())
    return false;
  std::vector<ListInfo> Ls(R.count(1 + 8 + 1 + 1 + 4));
  for (ListInfo &L : Ls) {
    L.Ok = R.u8() != 0;
    L.Reach = R.u64();
    L.StartsWord = R.u8() != 0;
    L.EndsWord = R.u8() != 0;
    L.Root = R.u32();
    if (L.Root >= Ns.size())
      return false;
  }
  WordTable Ws;
  if (!R.ok() || !Ws.read(R, Ns.size(), Ls.size()))
    return false;
  std::vector<std::array<int32_t, 37>> RT;
  R.pods(RT);
  std::vector<bool> RW(R.count(1));
  for (size_t K = 0; K < RW.size(); ++K)
    RW[K] = R.u8() != 0;
  if (!R.atEnd() || RT.empty() || RW.size() != RT.size())
    return false;
  // Every reference stays inside the tables.
  for (const PackedNode &N : Ns) {
    for (unsigned K = 0; K < NumSeps; ++K)
      if (N.ListsAt[K] > N.ListsAt[K + 1])
        return false;
    if (N.ListsAt[NumSeps] > LEs.size() || N.AcceptAt > N.AcceptEnd ||
        N.AcceptEnd > As.size())
      return false;
  }
  for (const auto &L : LEs)
    if (L.first >= Ls.size() || L.second >= Ns.size())
      return false;
  for (unsigned G : As) // list terms accept as 0
    if (G >= std::max<size_t>(Groups.size(), 1))
      return false;
  for (const auto &Row : RT)
    for (int32_t C : Row)
      if (C >= static_cast<int32_t>(RT.size()))
        return false;
  MaxReach = Reach;
  Packed = std::move(Ns);
  ListEdges = std::move(LEs);
  Accepts = std::move(As);
  Lists = std::move(Ls);
  Words = std::move(Ws);
  RTrie = std::move(RT);
  RWord = std::move(RW);
  return true;
}

namespace {

/// Walks the tries over one text's tokens.
class Walker {
public:
  Walker(const std::vector<PackedNode> &Nodes,
         const std::vector<std::pair<unsigned, unsigned>> &ListEdges,
         const std::vector<unsigned> &Accepts,
         const std::vector<ListInfo> &Lists, const WordTable &Words, Scratch &S)
      : Nodes(Nodes), ListEdges(ListEdges), Accepts(Accepts), Lists(Lists),
        Words(Words), S(S) {}

  /// Every phrase match that starts at token \p J: the longest end per
  /// group goes into Scratch::BestEnd.
  void fromToken(uint32_t J) { consume(0, Start, J, S.Toks[J].B); }

private:
  const std::vector<PackedNode> &Nodes;
  const std::vector<std::pair<unsigned, unsigned>> &ListEdges;
  const std::vector<unsigned> &Accepts;
  const std::vector<ListInfo> &Lists;
  const WordTable &Words;
  Scratch &S;
  bool InList = false;
  std::vector<std::pair<uint32_t, uint32_t>> *ListOut = nullptr;

  llvm::StringRef piece(uint32_t B, uint32_t E) const {
    return llvm::StringRef(S.Lower).slice(B - S.LowerBase, E - S.LowerBase);
  }
  /// hashWord() of bytes [B, E) of token \p T.
  uint64_t hashOf(const Token &T, uint32_t B, uint32_t E) const {
    return B == T.B && E == T.E ? T.Hash : hashWord(piece(B, E));
  }

  void arrive(unsigned N, uint32_t J, uint32_t E) {
    const PackedNode &Nd = Nodes[N];
    if (Nd.AcceptAt != Nd.AcceptEnd) {
      if (InList) {
        ListOut->push_back({J, E});
      } else if (E == S.Toks[J].E) { // a match ends at a word's end
        for (uint32_t X = Nd.AcceptAt; X < Nd.AcceptEnd; ++X) {
          unsigned G = Accepts[X];
          if (S.BestEnd[G] == 0)
            S.Touched.push_back(G);
          S.BestEnd[G] = std::max(S.BestEnd[G], E);
        }
      }
    }
    advance(N, J, E);
  }

  void advance(unsigned N, uint32_t J, uint32_t E) {
    const Token &T = S.Toks[J];
    if (E != T.E) { // at a join point inside a word: only a hyphen goes on
      consume(N, Hyphen, J, E);
      return;
    }
    if (J + 1 >= S.Toks.size())
      return;
    const Token &Nx = S.Toks[J + 1];
    if (Nx.SepBefore == Space) {
      consume(N, Space, J + 1, Nx.B);
      consume(N, Hyphen, J + 1, Nx.B);
    } else if (Nx.SepBefore == None) {
      consume(N, None, J + 1, Nx.B);
      if (Nx.E == Nx.B + 1 && piece(Nx.B, Nx.E) == "-" &&
          J + 2 < S.Toks.size() && S.Toks[J + 2].SepBefore == None)
        consume(N, Hyphen, J + 2, S.Toks[J + 2].B);
    }
  }

  /// The elements after separator \p K of \p Nd, starting at byte \p B of
  /// token \p J (its start, or a join point inside it).
  void consume(unsigned N, uint8_t K, uint32_t J, uint32_t B) {
    const PackedNode &Nd = Nodes[N];
    bool HasTok = Nd.HasTok >> K & 1;
    llvm::ArrayRef<std::pair<unsigned, unsigned>> Edges =
        llvm::makeArrayRef(ListEdges).slice(Nd.ListsAt[K],
                                            Nd.ListsAt[K + 1] - Nd.ListsAt[K]);
    if (!HasTok && Edges.empty())
      return;
    const Token &T = S.Toks[J];
    size_t StartListsAt = S.StartLists.size();
    for (uint32_t X = T.SplitBegin; X <= T.SplitEnd; ++X) {
      uint32_t E = X < T.SplitEnd ? S.Splits[X] : T.E;
      if (E <= B)
        continue;
      llvm::StringRef W = piece(B, E);
      uint64_t H = hashOf(T, B, E);
      if (HasTok)
        for (unsigned V : Words.find(WordTable::key(N, K), H, W)) {
          if (V & WordTable::ListBit) // the root holds lists' first words
            S.StartLists.push_back(V & ~WordTable::ListBit);
          else
            arrive(V, J, E);
        }
      if (!Edges.empty() && !(N == 0 && K == Start))
        for (unsigned L : Words.find(WordTable::ListFirstKey, H, W))
          S.StartLists.push_back(L);
    }
    if (S.StartLists.size() == StartListsAt)
      return;
    for (const auto &LE : Edges) {
      if (std::find(S.StartLists.begin() + StartListsAt, S.StartLists.end(),
                    LE.first) == S.StartLists.end())
        continue;
      std::pair<uint32_t, uint32_t> R = listEnds(LE.first, J, B);
      for (uint32_t X = R.first; X < R.second; ++X)
        arrive(LE.second, S.ListEnds[X].first, S.ListEnds[X].second);
    }
    S.StartLists.resize(StartListsAt);
  }

  /// Where terms of list \p L that start at byte \p B of token \p J end:
  /// a range of Scratch::ListEnds, computed once per place.
  std::pair<uint32_t, uint32_t> listEnds(unsigned L, uint32_t J, uint32_t B) {
    uint64_t Key = (static_cast<uint64_t>(L) << 32) | B;
    auto It = S.ListMemo.find(Key);
    if (It != S.ListMemo.end())
      return It->second;
    std::vector<std::pair<uint32_t, uint32_t>> Found;
    bool WasInList = InList;
    auto *WasOut = ListOut;
    InList = true;
    ListOut = &Found;
    consumeList(Lists[L].Root, J, B);
    InList = WasInList;
    ListOut = WasOut;
    std::sort(Found.begin(), Found.end());
    Found.erase(std::unique(Found.begin(), Found.end()), Found.end());
    auto From = static_cast<uint32_t>(S.ListEnds.size());
    S.ListEnds.insert(S.ListEnds.end(), Found.begin(), Found.end());
    std::pair<uint32_t, uint32_t> R{From,
                                    static_cast<uint32_t>(S.ListEnds.size())};
    S.ListMemo[Key] = R;
    return R;
  }

  /// A list's first word (lists hold no lists).
  void consumeList(unsigned Root, uint32_t J, uint32_t B) {
    const Token &T = S.Toks[J];
    for (uint32_t X = T.SplitBegin; X <= T.SplitEnd; ++X) {
      uint32_t E = X < T.SplitEnd ? S.Splits[X] : T.E;
      if (E <= B)
        continue;
      for (unsigned C : Words.find(WordTable::key(Root, Start), hashOf(T, B, E),
                                   piece(B, E)))
        arrive(C, J, E);
    }
  }
};

} // namespace

void PhraseMatcher::matchAll(
    llvm::StringRef Text,
    llvm::function_ref<bool(unsigned, uint32_t, uint32_t)> OnMatch) const {
  if (I->Groups.empty() || Text.empty())
    return;
  thread_local Scratch S;
  const size_t N = Text.size();
  // RE2 folds two non-ASCII characters into ASCII letters: text with them
  // goes to the groups' RE2 translation.
  for (size_t K = Text.find_first_of("\xE2\xC5"); K != llvm::StringRef::npos;
       K = Text.find_first_of("\xE2\xC5", K + 1)) {
    if (!Text.substr(K).startswith("\xE2\x84\xAA") &&
        !Text.substr(K).startswith("\xC5\xBF"))
      continue;
    for (size_t G = 0; G < I->Groups.size(); ++G) {
      bool Go = true;
      findAllMatches(I->Groups[G]->re(), Text, [&](uint32_t B, uint32_t E) {
        Go = OnMatch(static_cast<unsigned>(G), B, E);
        return Go;
      });
      if (!Go)
        return;
    }
    return;
  }

  const size_t NG = I->Groups.size();
  if (S.BestEnd.size() < NG) {
    S.BestEnd.resize(NG, 0);
    S.NextAllowed.resize(NG, 0);
  }
  S.Touched.clear();
  auto ResetNextAllowed = llvm::make_scope_exit([] {
    for (unsigned G : S.Reported)
      S.NextAllowed[G] = 0;
    S.Reported.clear();
  });
  Walker W(I->Packed, I->ListEdges, I->Accepts, I->Lists, I->Words, S);
  // Windows of WindowTokens starts, each with MaxReach tokens of lookahead,
  // so memory stays small on a block of any size.
  constexpr size_t WindowTokens = 8192;
  size_t From = 0;
  while (From < N) {
    bool AtEnd = I->tokenize(Text, From, WindowTokens + I->MaxReach, S);
    if (S.Toks.empty())
      return;
    S.ListMemo.clear();
    S.ListEnds.clear();
    S.StartLists.clear();
    size_t Starts =
        AtEnd ? S.Toks.size() : std::min(WindowTokens, S.Toks.size());
    for (uint32_t J = 0; J < Starts; ++J) {
      W.fromToken(J);
      if (S.Touched.empty())
        continue;
      uint32_t B = S.Toks[J].B;
      for (unsigned G : S.Touched) {
        uint32_t E = S.BestEnd[G];
        S.BestEnd[G] = 0;
        if (B < S.NextAllowed[G])
          continue; // overlaps the group's previous match
        if (S.NextAllowed[G] == 0)
          S.Reported.push_back(G);
        S.NextAllowed[G] = E; // E > B >= 0: never 0
        if (!OnMatch(G, B, E)) {
          for (unsigned G2 : S.Touched)
            S.BestEnd[G2] = 0;
          S.Touched.clear();
          return;
        }
      }
      S.Touched.clear();
    }
    if (AtEnd)
      return;
    From = S.Toks[Starts].B;
  }
}

namespace {
/// Byte classes for cutting text into tokens.
enum ByteClass : uint8_t { Punct, Word, Blank, OtherBlank, Lead, Tail };
struct ByteClasses {
  ByteClass Of[256];
  char Lower[256];
  ByteClasses() {
    for (unsigned C = 0; C < 256; ++C) {
      auto Ch = static_cast<char>(C);
      Of[C] = C >= 0x80  ? (C >= 0xC0 ? Lead : Tail)
              : C == ' ' ? Blank
              : C == '\t' || C == '\n' || C == '\r' || C == '\f' || C == '\v'
                  ? OtherBlank
              : isWordChar(Ch) ? Word
                               : Punct;
      Lower[C] = C >= 'A' && C <= 'Z' ? static_cast<char>(C + 32) : Ch;
    }
  }
};
const ByteClasses Bytes;
} // namespace

bool PhraseMatcher::Impl::tokenize(llvm::StringRef Text, size_t From,
                                   size_t Max, Scratch &S) const {
  const size_t N = Text.size();
  const auto *U = reinterpret_cast<const unsigned char *>(Text.data());
  S.Toks.clear();
  S.Splits.clear();
  // One pass: tokens, their lower-case bytes (S.Lower, from the first
  // token's start) and their hashes.
  size_t K = From;
  while (K < N && (Bytes.Of[U[K]] == Blank || Bytes.Of[U[K]] == OtherBlank))
    ++K;
  S.LowerBase = static_cast<uint32_t>(K);
  S.Lower.resize(std::min<size_t>(N - K, 64 * 1024));
  uint8_t Sep = OtherSep;
  while (K < N && S.Toks.size() < Max) {
    ByteClass C = Bytes.Of[U[K]];
    if (C == Blank || C == OtherBlank) {
      Sep = Sep == None && C == Blank ? uint8_t(Space) : OtherSep;
      ++K;
      continue;
    }
    size_t E = K + 1;
    if (C == Word)
      while (E < N && Bytes.Of[U[E]] == Word)
        ++E;
    else if (C == Lead || C == Tail)
      while (E < N && Bytes.Of[U[E]] == Tail)
        ++E;
    if (E - S.LowerBase > S.Lower.size())
      S.Lower.resize(std::max(S.Lower.size() * 2, E - S.LowerBase));
    uint64_t H = 0xcbf29ce484222325ULL; // hashWord(), fused
    char *L = &S.Lower[K - S.LowerBase];
    for (size_t X = K; X < E; ++X) {
      char Lc = Bytes.Lower[U[X]];
      *L++ = Lc;
      H = (H ^ static_cast<unsigned char>(Lc)) * 0x100000001b3ULL;
    }
    Token T;
    T.Hash = H;
    T.B = static_cast<uint32_t>(K);
    T.E = static_cast<uint32_t>(E);
    T.SepBefore = Sep;
    T.SplitBegin = T.SplitEnd = static_cast<uint32_t>(S.Splits.size());
    if (C == Word && RTrie.size() > 1 && RTrie[0][charIndex(L[-1])] >= 0)
      splitJoins(T, S);
    S.Toks.push_back(T);
    Sep = None;
    K = E;
  }
  return S.Toks.size() < Max;
}

void PhraseMatcher::Impl::splitJoins(Token &T, Scratch &S) const {
  // From each end (the word's, then each join point found), the words that
  // may follow a hyphen, read backwards.
  llvm::SmallVector<uint32_t, 8> Pending{T.E};
  size_t First = S.Splits.size();
  while (!Pending.empty()) {
    uint32_t End = Pending.pop_back_val();
    int32_t Cur = 0;
    for (uint32_t P = End; P > T.B + 1;) {
      --P;
      Cur = RTrie[Cur][charIndex(S.Lower[P - S.LowerBase])];
      if (Cur < 0)
        break;
      if (RWord[Cur] && std::find(S.Splits.begin() + First, S.Splits.end(),
                                  P) == S.Splits.end()) {
        S.Splits.push_back(P);
        Pending.push_back(P);
      }
    }
  }
  std::sort(S.Splits.begin() + First, S.Splits.end());
  T.SplitEnd = static_cast<uint32_t>(S.Splits.size());
}

} // namespace claimlint

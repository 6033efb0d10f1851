//===- LSP/ServerTest.cpp - The server, message by message ----------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "LSP/Server.h"

#include "gtest/gtest.h"

#include <thread>
#include <unistd.h>

#include "LSP/StdioLoop.h"
#include "LSP/Transport.h"

using namespace claimlint;
using namespace claimlint::lsp;

namespace {

class ServerTest : public ::testing::Test {
protected:
  ServerTest()
      : Log(LogText),
        S(
            ServerOptions(),
            [this](const std::string &B) { Out.push_back(json::parse(B)); },
            Log) {}

  void send(json Msg) {
    Msg["jsonrpc"] = "2.0";
    S.handleMessage(Msg);
  }
  void notify(const std::string &Method, json Params = json::object()) {
    json M;
    M["method"] = Method;
    M["params"] = std::move(Params);
    send(std::move(M));
  }
  json request(const std::string &Method, json Params) {
    int Id = NextId++;
    json M;
    M["id"] = Id;
    M["method"] = Method;
    M["params"] = std::move(Params);
    send(std::move(M));
    for (const json &R : Out)
      if (R.contains("id") && R["id"] == Id && !R.contains("method"))
        return R;
    ADD_FAILURE() << "no response to " << Method;
    return json();
  }
  void init(json Caps = json::object(), json Extra = json::object()) {
    json Opts = json::parse(R"({"disable": ["health/*", "lsptest/disclaimer"],
                                "debounceMs": 0})");
    Opts["rulesDirs"] = json::array({LSP_TEST_PACK_DIR});
    Opts.update(Extra);
    json P;
    P["capabilities"] = std::move(Caps);
    P["rootUri"] = "file:///nonexistent-root";
    P["initializationOptions"] = std::move(Opts);
    json R = request("initialize", std::move(P));
    ASSERT_TRUE(R.contains("result"));
    notify("initialized");
  }
  std::vector<json> published(const std::string &Uri) {
    std::vector<json> P;
    for (const json &M : Out)
      if (M.value("method", "") == "textDocument/publishDiagnostics" &&
          M["params"]["uri"] == Uri)
        P.push_back(M["params"]);
    return P;
  }
  void open(const std::string &Uri, const std::string &Text,
            const std::string &Lang = "markdown") {
    json P;
    P["textDocument"]["uri"] = Uri;
    P["textDocument"]["languageId"] = Lang;
    P["textDocument"]["version"] = 1;
    P["textDocument"]["text"] = Text;
    notify("textDocument/didOpen", std::move(P));
    S.runDue();
  }
  /// didChange with one change: the whole text, or \p Range replaced.
  void change(const std::string &Uri, int Version, const std::string &Text,
              json Range = nullptr) {
    json C;
    C["text"] = Text;
    if (!Range.is_null())
      C["range"] = std::move(Range);
    json P;
    P["textDocument"]["uri"] = Uri;
    P["textDocument"]["version"] = Version;
    P["contentChanges"] = json::array({C});
    notify("textDocument/didChange", std::move(P));
  }
  static json range(int L1, int C1, int L2, int C2) {
    json R;
    R["start"]["line"] = L1;
    R["start"]["character"] = C1;
    R["end"]["line"] = L2;
    R["end"]["character"] = C2;
    return R;
  }
  static json docParams(const std::string &Uri) {
    json P;
    P["textDocument"]["uri"] = Uri;
    return P;
  }

  std::string LogText;
  llvm::raw_string_ostream Log;
  std::vector<json> Out;
  Server S;
  int NextId = 1;
};

TEST_F(ServerTest, Lifecycle) {
  json Early = request("shutdown", nullptr);
  EXPECT_EQ(Early["error"]["code"], ServerNotInitialized);
  init();
  EXPECT_EQ(request("initialize", json::object())["error"]["code"],
            InvalidRequest);
  EXPECT_EQ(request("nope/nope", json::object())["error"]["code"],
            MethodNotFound);
  EXPECT_TRUE(request("shutdown", nullptr)["result"].is_null());
  EXPECT_EQ(request("textDocument/hover", json::object())["error"]["code"],
            InvalidRequest);
  EXPECT_FALSE(S.exited());
  notify("exit");
  EXPECT_TRUE(S.exited());
  EXPECT_EQ(S.exitCode(), 0);
}

TEST_F(ServerTest, ExitWithoutShutdown) {
  init();
  notify("exit");
  EXPECT_EQ(S.exitCode(), 1);
}

TEST_F(ServerTest, FramingErrorsAndBadMessages) {
  init();
  S.handleFramingError("bad");
  EXPECT_EQ(Out.back()["error"]["code"], ParseError);
  EXPECT_TRUE(Out.back()["id"].is_null());
  S.handleMessage(json::array());
  EXPECT_EQ(Out.back()["error"]["code"], InvalidRequest);
  S.handleMessage(json::parse(R"({"jsonrpc":"2.0","id":true,"method":"x"})"));
  EXPECT_EQ(Out.back()["error"]["code"], InvalidRequest);
  json Bad;
  Bad["range"] = 1;
  EXPECT_EQ(request("textDocument/codeAction", Bad)["error"]["code"],
            InvalidParams);
  size_t Before = Out.size();
  notify("textDocument/didChange", 5);
  notify("some/notification");
  EXPECT_EQ(Out.size(), Before); // notifications never get replies
}

TEST_F(ServerTest, EncodingIsNegotiated) {
  json Caps = json::parse(R"({"general": {"positionEncodings": ["utf-8"]}})");
  int Id = NextId;
  init(Caps);
  EXPECT_EQ(Out[0]["id"], Id);
  EXPECT_EQ(Out[0]["result"]["capabilities"]["positionEncoding"], "utf-8");
  EXPECT_EQ(S.encoding(), PositionEncoding::Utf8);
  open("file:///t/a.md", "\xF0\x9F\x98\x80 cures");
  auto P = published("file:///t/a.md");
  ASSERT_EQ(P.size(), 1u);
  EXPECT_EQ(P[0]["diagnostics"][0]["range"]["start"]["character"], 5);
}

TEST_F(ServerTest, NewestVersionWins) {
  init(json::object(), json::parse(R"({"debounceMs": 50})"));
  open("file:///t/a.md", "Fine.\n");
  bool Waiting = true;
  S.NewerChangeWaiting = [&](llvm::StringRef) { return Waiting; };
  auto Now = Server::Clock::now();
  change("file:///t/a.md", 2, "It cures.\n");
  ASSERT_TRUE(S.nextDeadline().hasValue());
  EXPECT_GE(*S.nextDeadline(), Now + std::chrono::milliseconds(50));
  S.runDue(Now + std::chrono::milliseconds(100));
  EXPECT_EQ(published("file:///t/a.md").size(), 1u); // a newer one waits
  Waiting = false;
  change("file:///t/a.md", 3, "heals", range(0, 3, 0, 8));
  EXPECT_EQ(S.documentText("file:///t/a.md"), "It heals.\n");
  S.runDue(Server::Clock::now() + std::chrono::milliseconds(100));
  auto P = published("file:///t/a.md");
  ASSERT_EQ(P.size(), 2u);
  EXPECT_EQ(P[1]["version"], 3);
  EXPECT_TRUE(P[1]["diagnostics"].empty());
  notify("textDocument/didClose", docParams("file:///t/a.md"));
  P = published("file:///t/a.md");
  ASSERT_EQ(P.size(), 3u);
  EXPECT_TRUE(P[2]["diagnostics"].empty());
  EXPECT_FALSE(S.nextDeadline().hasValue());
}

TEST_F(ServerTest, DisabledPublishesNothing) {
  init(json::object(), json::parse(R"({"enable": false})"));
  open("file:///t/a.md", "It cures.\n");
  auto P = published("file:///t/a.md");
  ASSERT_EQ(P.size(), 1u);
  EXPECT_TRUE(P[0]["diagnostics"].empty());
}

TEST_F(ServerTest, CodeActionUsesDataNotTheEchoedRange) {
  init(json::object(), json::parse(R"({"docsBaseUrl": "https://d/"})"));
  std::string Text = "\xE2\x80\x9C"
                     "A\xE2\x80\x9D tea cures.\n";
  open("file:///t/a.md", Text);
  json D = published("file:///t/a.md")[0]["diagnostics"][0];
  EXPECT_EQ(D["codeDescription"]["href"], "https://d/lsptest/cure.md");
  json Wrong = D;
  Wrong["range"] = range(0, 0, 0, 1);
  json P = docParams("file:///t/a.md");
  P["range"] = Wrong["range"];
  P["context"]["diagnostics"] = json::array({Wrong});
  json R = request("textDocument/codeAction", P);
  json Edit = R["result"][0]["edit"]["changes"]["file:///t/a.md"][0];
  EXPECT_EQ(Edit["range"], D["range"]);
  EXPECT_EQ(Edit["newText"], "may help with");
  json H = docParams("file:///t/a.md");
  H["position"]["line"] = 0;
  H["position"]["character"] = 9;
  json HR = request("textDocument/hover", H);
  EXPECT_NE(
      HR["result"]["contents"]["value"].get<std::string>().find("lsptest/cure"),
      std::string::npos);
  json Cmd;
  Cmd["command"] = "claimlint.nothing";
  EXPECT_EQ(request("workspace/executeCommand", Cmd)["error"]["code"],
            InvalidParams);
}

TEST_F(ServerTest, LargePageRelintsOneChunk) {
  init();
  std::string Text;
  for (int I = 0; I < 200; ++I)
    Text += "Paragraph " + std::to_string(I) + " cures colds.\n\n";
  open("file:///t/big.md", Text);
  change("file:///t/big.md", 2, "x", range(20, 0, 20, 0));
  S.runDue(Server::Clock::now() + std::chrono::seconds(1));
  EXPECT_EQ(S.lastChunksLinted("file:///t/big.md"), 1u);
  EXPECT_EQ(published("file:///t/big.md").back()["diagnostics"].size(), 200u);
}

TEST(StdioLoop, ServesOverPipes) {
  int In[2], OutP[2];
  ASSERT_EQ(pipe(In), 0);
  ASSERT_EQ(pipe(OutP), 0);
  std::string LogText;
  llvm::raw_string_ostream Log(LogText);
  int Code = -1;
  std::thread T([&] {
    Code = runStdioServer(In[0], OutP[1], ServerOptions(), Log);
    close(OutP[1]);
  });
  std::string Msgs =
      frameMessage({{"jsonrpc", "2.0"},
                    {"id", 1},
                    {"method", "initialize"},
                    {"params", {{"capabilities", json::object()}}}}) +
      "garbage\r\n\r\n" +
      frameMessage({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}}) +
      frameMessage({{"jsonrpc", "2.0"}, {"method", "exit"}});
  ASSERT_EQ(write(In[1], Msgs.data(), Msgs.size()),
            static_cast<ssize_t>(Msgs.size()));
  T.join();
  close(In[1]);
  EXPECT_EQ(Code, 0);
  std::string Got;
  char Buf[4096];
  ssize_t N;
  while ((N = read(OutP[0], Buf, sizeof(Buf))) > 0)
    Got.append(Buf, static_cast<size_t>(N));
  close(OutP[0]);
  close(In[0]);
  MessageReader R;
  R.feed(Got);
  std::vector<json> Replies;
  while (auto M = R.next()) {
    ASSERT_TRUE(M->Ok) << Got;
    Replies.push_back(M->Value);
  }
  ASSERT_EQ(Replies.size(), 3u) << Got;
  EXPECT_EQ(Replies[0]["id"], 1);
  EXPECT_EQ(Replies[1]["error"]["code"], ParseError);
  EXPECT_EQ(Replies[2]["id"], 2);
}

} // namespace

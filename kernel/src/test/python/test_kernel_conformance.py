"""Jupyter protocol conformance of the user-entity-bench Java kernel.

Run by JupyterConformanceIT with the kernel installed in a temporary prefix and JUPYTER_PATH
pointing at it. Run by hand:
    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 -m unittest -v test_kernel_conformance.py
"""
import os
import time
import unittest

import jupyter_kernel_test


class JavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("KERNEL_NAME", "java")

    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Math.fl", "matches": {"floor(", "floorDiv(", "floorMod("}},
    ]

    complete_code_samples = ["int complete = 1;", "System.out.println(1)", "%jars x.jar"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int pending = "]
    invalid_code_samples = ["int x = )"]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"abc".length();', "result": "3"},
        {"code": 'render("**md**", "text/markdown")', "mime": "text/markdown", "result": "**md**"},
    ]

    code_display_data = [
        {"code": 'String htmlId = display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": "String imageId = display(new java.awt.image.BufferedImage(2, 2, 1));", "mime": "image/png"},
    ]

    code_inspect_sample = "Math.abs"

    code_generate_error = 'throw new IllegalStateException("boom");'

    def test_runtime_error_is_shaped_like_ijava(self):
        self.flush_channels()
        reply, output_msgs = self.execute_helper('Integer.parseInt("zz")')
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "EvalException")
        self.assertEqual(reply["content"]["evalue"], 'For input string: "zz"')
        error = [m for m in output_msgs if m["msg_type"] == "error"][0]["content"]
        self.assertTrue(error["traceback"][0].startswith("java.lang.NumberFormatException"))

    def test_compile_error_is_a_compilation_exception_naming_the_line(self):
        self.flush_channels()
        reply, output_msgs = self.execute_helper('int ok = 1;\nint bad = "s";')
        self.assertEqual(reply["content"]["ename"], "CompilationException")
        traceback = "\n".join([m for m in output_msgs if m["msg_type"] == "error"][0]["content"]["traceback"])
        self.assertIn('Line 2: int bad = "s";', traceback)
        self.assertIn("incompatible types", traceback)

    def test_update_display_data_reuses_the_display_id(self):
        self.flush_channels()
        reply, output_msgs = self.execute_helper('String upd = display("one");\nupdateDisplay(upd, "two");')
        self.assertEqual(reply["content"]["status"], "ok")
        shown = [m for m in output_msgs if m["msg_type"] == "display_data"][0]["content"]
        updated = [m for m in output_msgs if m["msg_type"] == "update_display_data"][0]["content"]
        self.assertEqual(updated["transient"]["display_id"], shown["transient"]["display_id"])
        self.assertEqual(updated["data"]["text/plain"], "two")

    def test_interrupt_stops_a_busy_loop_and_keeps_state(self):
        self.flush_channels()
        self.execute_helper("int survivor = 7;")
        self.flush_channels()
        self.kc.execute("while (true) { }")
        time.sleep(1)  # let the loop start; interrupting earlier is also fine, only slower to test
        self.km.interrupt_kernel()
        reply = self.get_non_kernel_info_reply(timeout=30)
        self.assertEqual(reply["content"]["status"], "error")
        self.flush_channels()
        reply, output_msgs = self.execute_helper("survivor")
        results = [m for m in output_msgs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "7")


if __name__ == "__main__":
    unittest.main()

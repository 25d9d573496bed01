// A file-only cleanup policy in basic_temp_dir: rejected ("boost::tempfile: this cleanup policy is for files only").
#include <boost/tempfile/basic_temp_dir.hpp>
namespace tf = boost::tempfile;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using t = tf::basic_temp_dir<char, tf::delete_on_close>;
#else
using t = tf::basic_temp_dir<char, tf::delete_on_destroy>;
#endif
int main() { return sizeof(t) == 0; }

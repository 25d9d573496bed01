// A directory creation policy in basic_temp_file: rejected ("boost::tempfile: this creation policy makes directories").
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
using t = tf::basic_temp_file<char, tf::exclusive_dir<>>;
#else
using t = tf::basic_temp_file<char, tf::exclusive_file<>>;
#endif
int main() { return sizeof(t) == 0; }
